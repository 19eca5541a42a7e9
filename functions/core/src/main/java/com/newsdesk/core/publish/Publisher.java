package com.newsdesk.core.publish;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleNotFound;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.ArticleStatus;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.article.VersionConflict;
import com.newsdesk.core.render.ArticleView;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.site.SiteSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishing: the article's state changes first, by one conditional write; the page is then rendered from that
 * state and written to the bucket. Every step after the state change is idempotent, so a publish that failed
 * half-way is completed by publishing again.
 */
public final class Publisher {
    /** Readers' browsers revalidate after a minute; the CDN keeps pages until a publish purges them. */
    public static final String PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=31536000, stale-while-revalidate=60";
    private static final String HTML = "text/html; charset=utf-8";
    /** Each retry follows a change made during the previous render; more in a row means something is wrong. */
    private static final int MAX_RENDER_ATTEMPTS = 10;

    private final ArticleStore store;
    private final ArticleViews views;
    private final PageRenderer renderer;
    private final SiteBucket bucket;
    private final SiteAssets assets;
    private final SiteSettings site;
    private final ApprovedComments comments;
    private final ShareBar shareBar;
    private final Clock clock;

    public Publisher(ArticleStore store, ArticleViews views, PageRenderer renderer, SiteBucket bucket, SiteAssets assets,
                     SiteSettings site, ApprovedComments comments, ShareBar shareBar, Clock clock) {
        this.store = store;
        this.views = views;
        this.renderer = renderer;
        this.bucket = bucket;
        this.assets = assets;
        this.site = site;
        this.comments = comments;
        this.shareBar = shareBar;
        this.clock = clock;
    }

    /** The page as it would be published now, from the draft; nothing is stored. */
    public String preview(Slug slug) {
        StoredArticle article = load(slug);
        Instant now = clock.instant();
        Instant publishedAt = article.publishedAt() != null ? article.publishedAt() : now;
        return renderer.article(views.build(slug, article.draft(),
                new ArticleViews.Context(publishedAt, article.publishedAt() != null ? now : null,
                        related(article.draft(), slug), comments.of(slug),
                        ShareBar.direct().links(slug, site.absolute(article.publicPath()), article.draft().title()), true)));
    }

    public PublishResult publish(Slug slug) {
        StoredArticle current = load(slug);
        StoredArticle published = current;
        boolean alreadyLive = current.status() == ArticleStatus.PUBLISHED
                && current.publishedVersion() != null && current.publishedVersion() == current.version();
        if (!alreadyLive) {
            Instant now = clock.instant();
            Instant publishedAt = current.publishedAt() != null ? current.publishedAt() : now;
            try {
                published = store.markPublished(current, publishedAt, now);
            } catch (VersionConflict e) {
                throw new PublishConflict(slug);
            }
        }
        List<String> changed = writePage(published);
        return new PublishResult(published, site.absolute(published.publicPath()), changed);
    }

    /** Takes the page down; unpublishing twice is harmless. */
    public StoredArticle unpublish(Slug slug) {
        StoredArticle current = load(slug);
        StoredArticle result = current;
        if (current.status() == ArticleStatus.PUBLISHED) {
            try {
                result = store.markUnpublished(current, clock.instant());
            } catch (VersionConflict e) {
                // an editor saved meanwhile: taking the page down does not depend on the draft, so go again
                return unpublish(slug);
            }
        }
        if (current.published() != null) {
            bucket.delete(ArticlePaths.objectKey(current.publicPath()));
        }
        return result;
    }

    /**
     * Renders the published version of a live article into the bucket again, after something else its page shows
     * changed (call {@link ArticleStore#bumpPageRevision} first). Two re-renders racing may finish in the wrong
     * order, so each one checks after writing that no newer revision arrived meanwhile, and renders again if it
     * did: the last write always shows the newest state.
     */
    public List<String> rerender(Slug slug) {
        List<String> changed = new ArrayList<>();
        StoredArticle current = load(slug);
        for (int attempt = 0; attempt < MAX_RENDER_ATTEMPTS && current.isLive(); attempt++) {
            changed.addAll(writePage(current));
            StoredArticle after = load(slug);
            if (after.pageRevision() == current.pageRevision() && after.publishedVersion().equals(current.publishedVersion())) {
                return changed.stream().distinct().toList();
            }
            current = after;
        }
        return changed.stream().distinct().toList();
    }

    private List<String> writePage(StoredArticle article) {
        List<String> changed = new ArrayList<>();
        for (SiteAssets.Asset asset : assets.all()) {
            if (bucket.put(asset.key(), asset.bytes(), asset.contentType(), SiteAssets.IMMUTABLE)) {
                changed.add(asset.path());
            }
        }
        String path = article.publicPath();
        ArticleView view = views.build(article.slug(), article.published(),
                new ArticleViews.Context(article.publishedAt(), article.modifiedAt(),
                        related(article.published(), article.slug()), comments.of(article.slug()),
                        shareBar.links(article.slug(), site.absolute(path), article.published().title()), false));
        byte[] page = renderer.article(view).getBytes(StandardCharsets.UTF_8);
        if (bucket.put(ArticlePaths.objectKey(path), page, HTML, PAGE_CACHE_CONTROL)) {
            changed.add(path);
        }
        return changed;
    }

    /** The editor's pinned articles that are live, in the editor's order; others are skipped, not errors. */
    private List<ArticleView.TeaserView> related(Article article, Slug self) {
        List<ArticleView.TeaserView> teasers = new ArrayList<>();
        for (String pinned : article.related()) {
            if (pinned.equals(self.value())) {
                continue;
            }
            store.find(Slug.of(pinned)).filter(StoredArticle::isLive).ifPresent(other ->
                    teasers.add(views.teaser(other)));
        }
        return teasers;
    }

    private StoredArticle load(Slug slug) {
        return store.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
    }
}
