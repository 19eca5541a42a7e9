package com.newsdesk.core.publish;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.failure.DomainException;

/** The story was saved after an editor reviewed it for publishing: the newer text is not published unseen. */
public final class ReviewedVersionChanged extends DomainException {
    public ReviewedVersionChanged(Slug slug, long reviewed, long current) {
        super(Kind.CONFLICT, "Article '" + slug + "' was scheduled at version " + reviewed + " and saved since (now version "
                + current + "); an editor must schedule or publish the new version.");
    }

    @Override
    public String title() {
        return "Changed since it was scheduled";
    }
}
