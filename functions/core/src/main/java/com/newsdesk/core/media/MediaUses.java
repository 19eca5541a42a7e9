package com.newsdesk.core.media;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.InvalidArticle;
import com.newsdesk.core.article.PhotoClaims;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.failure.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which articles use which photos. A save marks each photo its version names before the version is stored: first a
 * use record naming the version, then the photo's use count, on the condition that the photo is ready. A delete
 * reads the count, finds no use, and deletes on the condition that the count is unchanged. Whichever way the two
 * interleave, either the delete sees the use, or the count changed under it (409), or the photo is gone before the
 * save counts it (422): an article never names a photo that was deleted.
 *
 * <p>Use records are not removed when an article stops naming a photo; they are judged when read: a record of a
 * version the article has reached, whose current draft and published version both no longer name the photo, is
 * stale and removed then. A record of a version not yet stored is a save under way and counts as a use.
 */
public final class MediaUses implements PhotoClaims {
    private final MediaStore store;
    private final ArticleStore articles;

    public MediaUses(MediaStore store, ArticleStore articles) {
        this.store = store;
        this.articles = articles;
    }

    /** An article that uses a photo; {@code article} is empty while the save naming it is still under way. */
    public record User(String slug, Optional<StoredArticle> article) {
        /** The photo is on the article's public page. */
        public boolean shownLive(MediaId id) {
            return article.filter(StoredArticle::isLive).map(live -> NamedPhotos.ids(live.published()).contains(id)).orElse(false);
        }
    }

    @Override
    public void check(Article article) {
        List<NamedPhotos.Named> named = NamedPhotos.in(article);
        if (named.isEmpty()) {
            return;
        }
        Map<MediaId, MediaItem> found = store.findAll(named.stream().map(NamedPhotos.Named::id).toList());
        List<Violation> violations = new ArrayList<>();
        for (NamedPhotos.Named photo : named) {
            unusable(found.get(photo.id())).ifPresent(reason -> violations.add(new Violation(photo.pointer(), reason)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidArticle(violations);
        }
    }

    @Override
    public void claim(Slug slug, long version, Article draft) {
        List<NamedPhotos.Named> named = NamedPhotos.in(draft);
        if (named.isEmpty()) {
            return;
        }
        check(draft);
        List<Violation> violations = new ArrayList<>();
        Set<MediaId> ids = NamedPhotos.ids(draft);
        ids.forEach(id -> store.recordUse(id, slug.value(), version));
        for (NamedPhotos.Named photo : named) {
            if (!store.countUse(photo.id())) {
                violations.add(new Violation(photo.pointer(), "names a photo that was deleted meanwhile"));
            }
        }
        if (!violations.isEmpty()) {
            ids.forEach(id -> store.forgetUse(id, new MediaStore.Use(slug.value(), version)));
            throw new InvalidArticle(violations);
        }
    }

    @Override
    public void release(Slug slug, long version, Article draft) {
        Set<MediaId> stillNamed = articles.find(slug).map(kept -> NamedPhotos.ids(kept.draft(), kept.published())).orElse(Set.of());
        for (MediaId id : NamedPhotos.ids(draft)) {
            if (!stillNamed.contains(id)) {
                store.forgetUse(id, new MediaStore.Use(slug.value(), version));
            }
        }
    }

    /** The articles using the photo now; stale records met on the way are removed. */
    public List<User> users(MediaId id) {
        List<User> users = new ArrayList<>();
        for (MediaStore.Use use : store.uses(id)) {
            Optional<StoredArticle> article = articles.find(Slug.of(use.slug()));
            boolean underWay = article.map(stored -> stored.version() < use.claimedVersion()).orElse(true);
            if (underWay || NamedPhotos.ids(article.get().draft(), article.get().published()).contains(id)) {
                users.add(new User(use.slug(), underWay ? Optional.empty() : article));
            } else {
                store.forgetUse(id, use);
            }
        }
        return users;
    }

    private static Optional<String> unusable(MediaItem item) {
        if (item == null) {
            return Optional.of("names no photo of the media library");
        }
        return switch (item.status()) {
            case READY -> Optional.empty();
            case AWAITING_UPLOAD -> Optional.of("names a photo whose file has not been uploaded and processed yet");
            case REFUSED -> Optional.of("names a photo whose upload was refused: " + item.refusal());
        };
    }
}
