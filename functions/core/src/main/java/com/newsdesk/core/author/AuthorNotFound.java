package com.newsdesk.core.author;

import com.newsdesk.core.failure.DomainException;

public final class AuthorNotFound extends DomainException {
    public AuthorNotFound(String slug) {
        super(Kind.NOT_FOUND, "There is no author '" + slug + "'.");
    }

    @Override
    public String title() {
        return "Author not found";
    }
}
