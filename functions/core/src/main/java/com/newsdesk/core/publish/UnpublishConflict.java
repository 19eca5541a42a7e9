package com.newsdesk.core.publish;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.failure.DomainException;

/** Editors kept saving the article while it was being taken down, more times in a row than a retry should take. */
public final class UnpublishConflict extends DomainException {
    public UnpublishConflict(Slug slug, int attempts) {
        super(Kind.CONFLICT, "Article '" + slug + "' was saved by someone else during each of " + attempts
                + " attempts to take it down; it is still published. Try again.");
    }

    @Override
    public String title() {
        return "Changed while taking down";
    }
}
