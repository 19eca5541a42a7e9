package com.newsdesk.core.comment;

import java.util.Locale;

/** Where a comment stands in moderation. Only {@link #APPROVED} comments are ever shown to readers. */
public enum CommentStatus {
    PENDING, APPROVED, REJECTED, SPAM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status the commenter is told. Spam is told "pending": a bot learns nothing from its answer, and a person
     * caught by mistake is still in a queue an editor can review.
     */
    public CommentStatus toldToCommenter() {
        return this == SPAM ? PENDING : this;
    }

    /** Parses a status as clients write it; {@code null} for an unknown one. */
    public static CommentStatus fromWire(String value) {
        for (CommentStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        return null;
    }
}
