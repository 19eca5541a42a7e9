package com.newsdesk.core.article;

/**
 * Who saved a version: the token's subject, stable for the person's life, and the name shown with it.
 * {@link #SYSTEM} marks saves made in-process rather than through the API (imports, benchmarks, fixtures).
 */
public record SavedBy(String subject, String name) {
    public static final SavedBy SYSTEM = new SavedBy("system", "Newsdesk");
}
