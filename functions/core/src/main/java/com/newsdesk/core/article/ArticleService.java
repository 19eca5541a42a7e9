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
    public Saved save(Slug slug, byte[] body, OptionalLong ifMatch) {
        Article draft = json.readRequest(body);
        if (ifMatch.isPresent()) {
            return new Saved(store.update(slug, draft, ifMatch.getAsLong(), clock.instant()), false);
        }
        if (store.find(slug).isPresent()) {
            throw new VersionRequired(slug);
        }
        return new Saved(store.create(slug, draft, clock.instant()), true);
    }

    public StoredArticle get(Slug slug) {
        return store.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
    }

    public ArticleListing list(ArticleQuery query) {
        return store.list(query);
    }
}
