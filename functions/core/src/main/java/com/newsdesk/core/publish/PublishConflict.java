package com.newsdesk.core.publish;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.failure.DomainException;

/** The draft changed between reading and publishing it; publishing what nobody reviewed would be wrong. */
public final class PublishConflict extends DomainException {
    public PublishConflict(Slug slug) {
        super(Kind.CONFLICT, "Article '" + slug + "' was saved by someone else while publishing. Review the new version and publish again.");
    }

    @Override
    public String title() {
        return "Changed while publishing";
    }
}
