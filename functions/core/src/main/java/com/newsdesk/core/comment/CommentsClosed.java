package com.newsdesk.core.comment;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.failure.DomainException;

/** The editors turned comments off for this article ({@code commentsEnabled: false}). */
public final class CommentsClosed extends DomainException {
    public CommentsClosed(Slug slug) {
        super(Kind.FORBIDDEN, "Comments are closed for article '" + slug + "'.");
    }

    @Override
    public String title() {
        return "Comments closed";
    }
}
