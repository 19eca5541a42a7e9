package com.newsdesk.core.article;

import com.newsdesk.core.failure.DomainException;

/** The editor saved over a version that someone else has changed since they loaded it. */
public final class VersionConflict extends DomainException {
    public VersionConflict(Slug slug, long expected) {
        super(Kind.STALE_VERSION, "Article '" + slug + "' has changed since version " + expected
                + ". Reload it, reapply your edits and save with the new ETag.");
    }

    @Override
    public String title() {
        return "Version conflict";
    }
}
