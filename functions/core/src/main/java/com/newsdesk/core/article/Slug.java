package com.newsdesk.core.article;

import java.util.regex.Pattern;

/** The URL name of an article: checked before anything touches storage. */
public record Slug(String value) {
    private static final Pattern FORM = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final int MAX_LENGTH = 120;

    public Slug {
        if (value == null || value.length() > MAX_LENGTH || !FORM.matcher(value).matches()) {
            throw new InvalidSlug(value);
        }
    }

    public static Slug of(String value) {
        return new Slug(value);
    }

    /** The slug of an article saved now: the list pages' own words are not free to take. */
    public Slug requireFreeForArticles() {
        if (ArticlePaths.RESERVED_ARTICLES.contains(value)) {
            throw new InvalidSlug(value);
        }
        return this;
    }

    @Override
    public String toString() {
        return value;
    }
}
