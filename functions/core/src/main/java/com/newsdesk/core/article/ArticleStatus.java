package com.newsdesk.core.article;

import java.util.Locale;

public enum ArticleStatus {
    DRAFT, PUBLISHED, UNPUBLISHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a status as clients write it; {@code null} for an unknown one. */
    public static ArticleStatus fromWire(String value) {
        for (ArticleStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        return null;
    }
}
