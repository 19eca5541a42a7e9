package com.newsdesk.core.publish;

import com.newsdesk.core.article.ArticleNotFound;
import com.newsdesk.core.article.ArticleStatus;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.PhotoClaims;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.article.VersionConflict;
import com.newsdesk.core.cdn.CacheTags;
import com.newsdesk.core.cdn.CdnPurge;
import com.newsdesk.core.cdn.Purge;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.pipeline.RenderQueue;
import com.newsdesk.core.pipeline.RenderTask;
import com.newsdesk.core.site.SiteSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishing, as the editor waits for it: the article's state changes by one conditional write, what must follow
 * is recorded and queued for the render worker, and the story's own page is written, so the answer comes when the
 * story is live. The lists, feeds, sitemaps and recommending pages follow from the queue ({@link StoryFollowUp}),
 * which also completes a publish whose own write failed; a repeat publish writes nothing new.
 */
public final class Publisher {
    /** Each retry of a state change follows an editor's save; more in a row and the editor should decide. */
    private static final int MAX_STATE_ATTEMPTS = 5;
    /** How often a waiting editor's request looks at the follow-up's progress. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    private final ArticleStore store;
    private final PhotoClaims photos;
    private final ArticlePages pages;
    private final ListStore lists;
    private final FollowUps followUps;
    private final RenderQueue queue;
    private final CdnPurge cdn;
    private final SiteSettings site;
    private final Clock clock;

    /**
     * @param photos checks that the library photos a version names are ready before it goes live
     * @param cdn told after every publish, unpublish and re-render what it must drop
     */
    public Publisher(ArticleStore store, PhotoClaims photos, ArticlePages pages, ListStore lists, FollowUps followUps,
                     RenderQueue queue, CdnPurge cdn, SiteSettings site, Clock clock) {
        this.store = store;
        this.photos = photos;
        this.pages = pages;
        this.lists = lists;
        this.followUps = followUps;
        this.queue = queue;
        this.cdn = cdn;
        this.site = site;
        this.clock = clock;
    }

    /** The page as it would be published now, from the draft; nothing is stored. */
    public String preview(Slug slug) {
        return pages.preview(load(slug), clock.instant());
    }

    public PublishResult publish(Slug slug) {
        return publish(load(slug));
    }

    /**
     * Publishes the story only if its current version is {@code reviewed}, as a schedule does: a save after the
     * editor scheduled it, even one landing during this publish, is never published unseen.
     */
    public PublishResult publishReviewed(Slug slug, long reviewed) {
        StoredArticle current = load(slug);
        if (current.version() != reviewed) {
            throw new ReviewedVersionChanged(slug, reviewed, current.version());
        }
        return publish(current);
    }

    private PublishResult publish(StoredArticle current) {
        Slug slug = current.slug();
        StoredArticle published = current;
        boolean alreadyLive = current.status() == ArticleStatus.PUBLISHED
                && current.publishedVersion() != null && current.publishedVersion() == current.version();
        if (!alreadyLive) {
            // its save checked them; a photo may not be deleted while named, but a draft stored otherwise (an
            // import) must not go live naming one that is missing
            photos.check(current.draft());
            Instant now = clock.instant();
            Instant publishedAt = current.publishedAt() != null ? current.publishedAt() : now;
            try {
                published = store.markPublished(current, publishedAt, now);
            } catch (VersionConflict e) {
                throw new PublishConflict(slug);
            }
        }
        List<ListName> derived = StoryFollowUp.listsOf(published.published(), ListName.home(site.name()));
        FollowUps.Status queued = queueFollowUp(published, derived);
        List<String> siteFiles = pages.writeSiteFiles();
        List<String> own = pages.writeLive(published);
        purge("publish:" + slug.value() + ":v" + published.version(), slug, own, siteFiles);
        Set<String> written = new LinkedHashSet<>(siteFiles);
        written.addAll(own);
        return new PublishResult(published, site.absolute(published.publicPath()), List.copyOf(written), queued);
    }

    /** Takes the page down and, through the render worker, out of every list, feed and sitemap; twice is harmless. */
    public PublishResult unpublish(Slug slug) {
        StoredArticle current = load(slug);
        StoredArticle result = current;
        // an editor saved meanwhile: taking the page down does not depend on the draft, so go again, a few times
        for (int attempt = 1; current.status() == ArticleStatus.PUBLISHED && result == current; attempt++) {
            try {
                result = store.markUnpublished(current, clock.instant());
            } catch (VersionConflict e) {
                if (attempt == MAX_STATE_ATTEMPTS) {
                    throw new UnpublishConflict(slug, MAX_STATE_ATTEMPTS);
                }
                current = load(slug);
                result = current;
            }
        }
        FollowUps.Status queued = queueFollowUp(result, lists.listsOf(slug.value()));
        List<String> written = pages.writeGone(current);
        purge("unpublish:" + slug.value() + ":v" + result.version(), slug, written, List.of());
        return new PublishResult(result, site.absolute(result.publicPath()), written, queued);
    }

    /**
     * Renders the published version of a live article into the bucket again, after something else its page shows
     * changed (call {@link ArticleStore#bumpPageRevision} first); see {@link ArticlePages#rerender}.
     */
    public List<String> rerender(Slug slug) {
        long revision = load(slug).pageRevision();
        List<String> changed = pages.rerender(slug);
        // one page: its path is one item, where the story's tag would also drop every list showing it
        cdn.purge(Purge.of("rerender:" + slug.value() + ":r" + revision, CacheTags.article(slug.value()), List.of(), changed));
        return changed;
    }

    /** Where the pages derived from the story's last publish or take-down stand. */
    public FollowUps.Status followUp(Slug slug) {
        return followUps.status(slug);
    }

    /**
     * Waits up to {@code patience} for the derived pages, for clients that need the whole site to show the change
     * before they go on; answers how far they got either way.
     */
    public FollowUps.Status awaitFollowUp(Slug slug, Duration patience) {
        Instant deadline = clock.instant().plus(patience);
        FollowUps.Status status = followUps.status(slug);
        while (!status.complete() && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
            status = followUps.status(slug);
        }
        return status;
    }

    /** Records, then queues, what must follow the change: if the queue is out of reach the editor is told, and a repeat fixes it. */
    private FollowUps.Status queueFollowUp(StoredArticle changed, List<ListName> derived) {
        followUps.queued(changed.slug(), changed.version(), derived);
        queue.send(List.of(new RenderTask.StoryChanged(changed.slug().value(), changed.version())));
        return new FollowUps.Status(false, List.of(), derived.stream().map(ListName::frontPath).toList());
    }

    /**
     * The story's own objects: one by path, more (former addresses) by the story's tag; the site files (the 404 page)
     * by path, as they carry no story's tag.
     */
    private void purge(String reference, Slug slug, Collection<String> own, Collection<String> siteFiles) {
        Purge purge = Purge.of(reference, CacheTags.article(slug.value()), own, siteFiles);
        if (!purge.isEmpty()) {
            cdn.purge(purge);
        }
    }

    private StoredArticle load(Slug slug) {
        return store.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
    }
}
