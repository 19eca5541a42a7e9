package com.newsdesk.core.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.core.failure.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Saving and reading drafts, with the optimistic locking of the HTTP contract, and their revision history: every
 * saved version is kept, with who saved it and a line on what changed.
 */
public final class ArticleService {
    private final ArticleStore store;
    private final ArticleJson json;
    private final PhotoClaims photos;
    private final Clock clock;
    /** Whether an author slug names a profile (the author package's profiles; articles know no more of them). */
    private final Predicate<String> authorHasProfile;

    public ArticleService(ArticleStore store, ArticleJson json, PhotoClaims photos, Clock clock, Predicate<String> authorHasProfile) {
        this.store = store;
        this.json = json;
        this.photos = photos;
        this.clock = clock;
        this.authorHasProfile = authorHasProfile;
    }

    public record Saved(StoredArticle article, boolean created) {}

    /** Two versions of an article and what changed from the first to the second. */
    public record VersionDiff(ArticleVersion from, ArticleVersion to, ArticleChanges changes) {}

    /** A save made in-process rather than through the API (fixtures, benchmarks), by {@link SavedBy#SYSTEM}. */
    public Saved save(Slug slug, byte[] body, OptionalLong version) {
        return save(slug, body, version.isPresent() ? IfMatch.version(version.getAsLong()) : IfMatch.ABSENT, SavedBy.SYSTEM);
    }

    /**
     * Creates the article without {@code If-Match}; otherwise updates it when {@code If-Match} names its current
     * version, with a write conditional on that version, so a save that raced another fails with 412 either way.
     * The body is validated in full before storage is touched; the library photos it names must be ready.
     */
    public Saved save(Slug slug, byte[] body, IfMatch ifMatch, SavedBy savedBy) {
        slug.requireFreeForArticles();
        return saveDraft(slug, profiled(json.readRequest(body)), ifMatch, savedBy, null);
    }

    /** An author named by slug must have a profile: the byline links to its page. */
    private Article profiled(Article article) {
        List<Violation> unknown = new ArrayList<>();
        for (int i = 0; i < article.authors().size(); i++) {
            String author = article.authors().get(i).slug();
            if (author != null && !authorHasProfile.test(author)) {
                unknown.add(new Violation("/authors/" + i + "/slug", "names no author profile; create it first with PUT /api/authors/" + author));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidArticle(unknown);
        }
        return article;
    }

    /**
     * Saves the content of an earlier version as the next one, under the same {@code If-Match} rules as a save. The
     * old content is validated as a save's body is: it was saved under the rules of its day, which may have changed.
     */
    public Saved restore(Slug slug, long version, IfMatch ifMatch, SavedBy savedBy) {
        Article restored;
        try {
            restored = profiled(json.readRequest(json.write(version(get(slug), version).article())));
        } catch (InvalidArticle e) {
            throw e.inRestoredVersion(version);
        }
        return saveDraft(slug, restored, ifMatch, savedBy, "Restored version " + version);
    }

    private Saved saveDraft(Slug slug, Article draft, IfMatch ifMatch, SavedBy savedBy, String restoredFrom) {
        if (ifMatch instanceof IfMatch.Absent) {
            if (store.find(slug).isPresent()) {
                throw new VersionRequired(slug);
            }
            photos.claim(slug, 1, draft);
            try {
                return new Saved(store.create(slug, draft, savedBy, clock.instant()), true);
            } catch (RuntimeException e) {
                photos.release(slug, 1, draft);
                throw e;
            }
        }
        StoredArticle current = get(slug);
        if (ifMatch instanceof IfMatch.Versions named && !named.versions().contains(current.version())) {
            throw named.versions().size() == 1
                    ? new VersionConflict(slug, named.versions().iterator().next())
                    : VersionConflict.noneMatches(slug);
        }
        String changes = changes(current.draft(), draft).summary();
        String summary = restoredFrom == null ? changes
                : restoredFrom + "; " + Character.toLowerCase(changes.charAt(0)) + changes.substring(1);
        photos.claim(slug, current.version() + 1, draft);
        try {
            return new Saved(store.update(current, draft, savedBy, summary, clock.instant()), false);
        } catch (RuntimeException e) {
            photos.release(slug, current.version() + 1, draft);
            throw e;
        }
    }

    public StoredArticle get(Slug slug) {
        return store.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
    }

    public ArticleListing list(ArticleQuery query) {
        return store.list(query);
    }

    /**
     * The article's versions, newest first. The current one is the article itself; the ones it replaced are kept
     * beside it. Versions saved before that was so are not listed.
     */
    public RevisionListing revisions(Slug slug, RevisionQuery query) {
        StoredArticle current = get(slug);
        long startAt = query.startAt() == null ? current.version() : Math.min(query.startAt(), current.version());
        List<Revision> page = new ArrayList<>();
        if (startAt == current.version()) {
            page.add(current.revision());
        }
        long keptFrom = page.isEmpty() ? startAt : startAt - 1;
        int wanted = query.limit() - page.size();
        // one more than the page holds tells whether another page follows
        List<Revision> kept = keptFrom < 1 ? List.of() : store.revisions(slug, keptFrom, wanted + 1);
        page.addAll(kept.subList(0, Math.min(wanted, kept.size())));
        String next = kept.size() > wanted ? RevisionQuery.cursorAt(kept.get(wanted).version()) : null;
        return new RevisionListing(page, next);
    }

    public ArticleVersion revision(Slug slug, long version) {
        return version(get(slug), version);
    }

    /** What changed from version {@code from} to version {@code to}, either way round. */
    public VersionDiff diff(Slug slug, long from, long to) {
        StoredArticle current = get(slug);
        ArticleVersion older = version(current, from);
        ArticleVersion newer = version(current, to);
        return new VersionDiff(older, newer, changes(older.article(), newer.article()));
    }

    private ArticleVersion version(StoredArticle current, long version) {
        if (version == current.version()) {
            return new ArticleVersion(current.slug(), current.revision(), current.draft());
        }
        if (version > current.version()) {
            throw new VersionNotFound(current.slug(), version);
        }
        return store.revision(current.slug(), version).orElseThrow(() -> new VersionNotFound(current.slug(), version));
    }

    private ArticleChanges changes(Article from, Article to) {
        return ArticleChanges.between(tree(from), tree(to));
    }

    /** The document as it is stored and returned, so that a patch applies to what the version's route returns. */
    private JsonNode tree(Article article) {
        return json.mapper().valueToTree(article);
    }
}
