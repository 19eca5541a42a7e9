package com.newsdesk.core.comment;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.failure.DomainException;

public final class CommentNotFound extends DomainException {
    public CommentNotFound(Slug slug) {
        super(Kind.NOT_FOUND, "Article '" + slug + "' has no comment with that id.");
    }

    @Override
    public String title() {
        return "Comment not found";
    }
}
