package com.newsdesk.core.article;

import com.newsdesk.core.failure.DomainException;

public final class InvalidSlug extends DomainException {
    public InvalidSlug(String value) {
        super(Kind.MALFORMED, "A slug is 1 to " + Slug.MAX_LENGTH
                + " lower-case letters, digits and single hyphens (e.g. night-buses-return), and not "
                + String.join(" or ", ArticlePaths.RESERVED_ARTICLES) + ", which list pages use"
                + (value == null ? "." : "; this one is not."));
    }

    @Override
    public String title() {
        return "Invalid slug";
    }
}
