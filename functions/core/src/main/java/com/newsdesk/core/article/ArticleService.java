package com.newsdesk.core.article;

import java.time.Clock;
import java.util.OptionalLong;

/** Saving and reading drafts, with the optimistic locking of the HTTP contract. */
public final class ArticleService {
    private final ArticleStore store;
    private final ArticleJson json;
    private final Clock clock;

    public ArticleService(ArticleStore store, ArticleJson json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    public record Saved(StoredArticle article, boolean created) {}

    /**
     * Creates the article, or updates it when {@code ifMatch} names the stored version. The body is validated in
     * full before storage is touched.
     */
    public Saved save(Slug slug, byte[] body, OptionalLong version) {
        return save(slug, body, version.isPresent() ? IfMatch.version(version.getAsLong()) : IfMatch.ABSENT);
    }

    /**
     * Creates the article without {@code If-Match}; otherwise updates it when {@code If-Match} names its current
     * version, with a write conditional on that version, so a save that raced another fails with 412 either way.
     */
    public Saved save(Slug slug, byte[] body, IfMatch ifMatch) {
        slug.requireFreeForArticles();
        Article draft = json.readRequest(body);
        if (ifMatch instanceof IfMatch.Absent) {
            if (store.find(slug).isPresent()) {
                throw new VersionRequired(slug);
            }
            return new Saved(store.create(slug, draft, clock.instant()), true);
        }
        if (ifMatch instanceof IfMatch.Versions named && named.versions().size() == 1) {
            return new Saved(store.update(slug, draft, named.versions().iterator().next(), clock.instant()), false);
        }
        StoredArticle current = get(slug);
        if (ifMatch instanceof IfMatch.Versions named && !named.versions().contains(current.version())) {
            throw VersionConflict.noneMatches(slug);
        }
        return new Saved(store.update(slug, draft, current.version(), clock.instant()), false);
    }

    public StoredArticle get(Slug slug) {
        return store.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
    }

    public ArticleListing list(ArticleQuery query) {
        return store.list(query);
    }
}
