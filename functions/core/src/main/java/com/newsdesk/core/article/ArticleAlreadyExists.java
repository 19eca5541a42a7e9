package com.newsdesk.core.article;

import com.newsdesk.core.failure.DomainException;

/** Two editors created the same slug at once; the other one won. */
public final class ArticleAlreadyExists extends DomainException {
    public ArticleAlreadyExists(Slug slug) {
        super(Kind.CONFLICT, "Article '" + slug + "' was just created by someone else. Load it and save with If-Match.");
    }

    @Override
    public String title() {
        return "Article already exists";
    }
}
