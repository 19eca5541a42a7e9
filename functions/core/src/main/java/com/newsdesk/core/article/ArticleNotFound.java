package com.newsdesk.core.article;

import com.newsdesk.core.failure.DomainException;

public final class ArticleNotFound extends DomainException {
    public ArticleNotFound(Slug slug) {
        super(Kind.NOT_FOUND, "There is no article '" + slug + "'.");
    }

    @Override
    public String title() {
        return "Article not found";
    }
}
