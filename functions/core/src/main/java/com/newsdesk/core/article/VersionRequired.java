package com.newsdesk.core.article;

import com.newsdesk.core.failure.DomainException;

public final class VersionRequired extends DomainException {
    public VersionRequired(Slug slug) {
        super(Kind.VERSION_REQUIRED, "Article '" + slug
                + "' exists: send If-Match with the ETag you loaded so no one's edits are overwritten.");
    }

    @Override
    public String title() {
        return "If-Match required";
    }
}
