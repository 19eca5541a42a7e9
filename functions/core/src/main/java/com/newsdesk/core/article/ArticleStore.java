package com.newsdesk.core.article;

import java.time.Instant;
import java.util.Optional;

/**
 * Durable article state. Every change is one conditional write, so two editors racing can never both win and a
 * failed request leaves nothing half-written.
 */
public interface ArticleStore {

    Optional<StoredArticle> find(Slug slug);

    /** Stores version 1; throws {@link ArticleAlreadyExists} if another request created the slug first. */
    StoredArticle create(Slug slug, Article draft, Instant now);

    /** Stores the next version if the stored one is still {@code expectedVersion}, else {@link VersionConflict}. */
    StoredArticle update(Slug slug, Article draft, long expectedVersion, Instant now);

    /** Makes the current draft the published version, if nobody saved since {@code current} was read. */
    StoredArticle markPublished(StoredArticle current, Instant publishedAt, Instant modifiedAt);

    /** Takes the article down, keeping it (and its first publication time) stored. */
    StoredArticle markUnpublished(StoredArticle current, Instant now);

    ArticleListing list(ArticleQuery query);

    /** Records that something the article's page shows has changed; returns the new page revision. */
    long bumpPageRevision(Slug slug);
}
