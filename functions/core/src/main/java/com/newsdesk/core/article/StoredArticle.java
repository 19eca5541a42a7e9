package com.newsdesk.core.article;

import java.time.Instant;

/**
 * An article as the newsroom holds it: the working draft, and the version readers see once published.
 * {@code published} is the document that was last published; it stays while the draft moves on.
 * {@code pageRevision} counts changes to anything the public page shows besides the article itself (approved
 * comments, say); a re-render that read an older revision than the one stored after its write must run again.
 */
public record StoredArticle(
        Slug slug,
        long version,
        ArticleStatus status,
        Article draft,
        Article published,
        Long publishedVersion,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant modifiedAt,
        long pageRevision) {

    public boolean isLive() {
        return status == ArticleStatus.PUBLISHED;
    }

    /** The public path of the article page, e.g. {@code /city/night-buses-return/}. */
    public String publicPath() {
        Article shown = published != null ? published : draft;
        return ArticlePaths.articlePath(shown.section().slug(), slug.value());
    }
}
