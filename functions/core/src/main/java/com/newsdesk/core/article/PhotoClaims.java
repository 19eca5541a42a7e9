package com.newsdesk.core.article;

/**
 * The library photos a version of an article names: each must be ready, and is marked as used before the version
 * is stored, so that it cannot be deleted while an article shows it.
 */
public interface PhotoClaims {

    /**
     * Checks, reading only, that every photo {@code article} names is ready.
     *
     * @throws InvalidArticle naming (by JSON pointer) each photo that does not exist or is not ready
     */
    void check(Article article);

    /**
     * Marks the photos {@code draft} names as used by version {@code version} of {@code slug}.
     *
     * @throws InvalidArticle naming (by JSON pointer) each photo that does not exist or is not ready; nothing is
     *         left marked then
     */
    void claim(Slug slug, long version, Article draft);

    /**
     * After version {@code version} failed to be stored: its marks go, except where the article as stored now (a
     * racing save's version, say) names the photo.
     */
    void release(Slug slug, long version, Article draft);
}
