package com.newsdesk.core.article;

import com.newsdesk.core.failure.DomainException;

/** A version the article never had, or one saved before every version was kept. */
public final class VersionNotFound extends DomainException {
    public VersionNotFound(Slug slug, long version) {
        super(Kind.NOT_FOUND, "Article '" + slug + "' has no stored version " + version + ".");
    }

    @Override
    public String title() {
        return "Version not found";
    }
}
