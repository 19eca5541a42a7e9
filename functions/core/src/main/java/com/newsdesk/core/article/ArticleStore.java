package com.newsdesk.core.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable article state. Every change of the article is one conditional write, so two editors racing can never
 * both win and a failed request leaves nothing half-written.
 */
public interface ArticleStore {

    Optional<StoredArticle> find(Slug slug);

    /** Stores version 1; throws {@link ArticleAlreadyExists} if another request created the slug first. */
    StoredArticle create(Slug slug, Article draft, SavedBy savedBy, Instant now);

    /**
     * Stores {@code draft} as the next version if the stored one is still {@code current}'s, else
     * {@link VersionConflict}. The version it replaces is kept first, as a revision of its own, so that no outcome
     * of the two writes loses a version: the current version is always the article itself.
     */
    StoredArticle update(StoredArticle current, Article draft, SavedBy savedBy, String summary, Instant now);

    /** A version the article has replaced; empty for one it never had or that was saved before versions were kept. */
    Optional<ArticleVersion> revision(Slug slug, long version);

    /** Up to {@code count} of the replaced versions, newest first, from {@code newest} down. */
    List<Revision> revisions(Slug slug, long newest, int count);

    /** Makes the current draft the published version, if nobody saved since {@code current} was read. */
    StoredArticle markPublished(StoredArticle current, Instant publishedAt, Instant modifiedAt);

    /** Takes the article down, keeping it (and its first publication time) stored. */
    StoredArticle markUnpublished(StoredArticle current, Instant now);

    ArticleListing list(ArticleQuery query);

    /** Records that something the article's page shows has changed; returns the new page revision. */
    long bumpPageRevision(Slug slug);
}
