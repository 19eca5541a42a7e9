package com.newsdesk.core.article;

import com.newsdesk.core.failure.DomainException;

/** The editor saved over a version that someone else has changed since they loaded it. */
public final class VersionConflict extends DomainException {
    public VersionConflict(Slug slug, long expected) {
        this("Article '" + slug + "' has changed since version " + expected
                + ". Reload it, reapply your edits and save with the new ETag.");
    }

    private VersionConflict(String detail) {
        super(Kind.STALE_VERSION, detail);
    }

    /** If-Match named only entity tags that are no version of the article. */
    public static VersionConflict noneMatches(Slug slug) {
        return new VersionConflict("If-Match names no current version of article '" + slug
                + "'. Load it and save with the ETag it has.");
    }

    @Override
    public String title() {
        return "Version conflict";
    }
}
