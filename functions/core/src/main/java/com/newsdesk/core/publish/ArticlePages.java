package com.newsdesk.core.publish;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleNotFound;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.author.AuthorProfiles;
import com.newsdesk.core.cdn.CacheTags;
import com.newsdesk.core.listing.ListEntries;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListReader;
import com.newsdesk.core.listing.RelatedIndex;
import com.newsdesk.core.media.MediaStore;
import com.newsdesk.core.media.ShownPhotos;
import com.newsdesk.core.media.Variant;
import com.newsdesk.core.article.Image;
import com.newsdesk.core.render.ArticleView;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.share.ShareBar;
import com.newsdesk.core.share.UnavailableArticlePage;
import com.newsdesk.core.site.SiteSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An article's own objects in the bucket: its page, the redirects left at its former addresses, the notice left
 * once it is taken down, and the site files every page links to. Each write is skipped when the bytes are already
 * there, so writing again after a fault, or twice from two places, is harmless.
 */
public final class ArticlePages {
    /** Readers' browsers revalidate after a minute; the CDN keeps pages until a publish purges them. */
    public static final String PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=31536000, stale-while-revalidate=60";
    private static final String HTML = "text/html; charset=utf-8";
    /** Teaser images are at most this wide on list pages (CSS pixels); a variant twice that is sharp on any screen. */
    private static final int TEASER_WIDTH = 320;
    /** Each retry follows a change made during the previous render; more in a row means something is wrong. */
    private static final int MAX_RENDER_ATTEMPTS = 10;

    /**
     * What renders a page: the views, the templates, the site's settings and its assets, and the author profiles
     * that bylines name.
     */
    public record Rendering(ArticleViews views, PageRenderer renderer, SiteSettings site, SiteAssets assets,
                            AuthorProfiles authors) {}

    private final ArticleStore store;
    private final RelatedStories related;
    private final RelatedIndex relatedIndex;
    private final Rendering rendering;
    private final SiteBucket bucket;
    private final SiteFiles siteFiles;
    private final ApprovedComments comments;
    private final ShareBar shareBar;
    private final MediaStore media;
    /** Site files are the same for every page a container writes: checked against the bucket once. */
    private volatile boolean siteFilesWritten;

    /** @param media the library, whose photos a page shows as they are when it is rendered */
    public ArticlePages(ArticleStore store, ListReader lists, RelatedIndex relatedIndex, Rendering rendering,
                        SiteBucket bucket, ApprovedComments comments, ShareBar shareBar, MediaStore media) {
        this.store = store;
        this.media = media;
        this.related = new RelatedStories(
                pinned -> store.find(Slug.of(pinned)).filter(StoredArticle::isLive).map(this::listEntry), lists);
        this.relatedIndex = relatedIndex;
        this.rendering = rendering;
        this.bucket = bucket;
        this.siteFiles = new SiteFiles(rendering.assets(), rendering.renderer(), rendering.views(), rendering.site());
        this.comments = comments;
        this.shareBar = shareBar;
    }

    /** The page as it would be published at {@code now}, from the draft; nothing is stored. */
    public String preview(StoredArticle article, Instant now) {
        Slug slug = article.slug();
        Instant publishedAt = article.publishedAt() != null ? article.publishedAt() : now;
        return rendering.renderer().article(rendering.views().build(slug, rendering.authors().credit(article.draft()),
                new ArticleViews.Context(publishedAt, article.publishedAt() != null ? now : null,
                        teasers(related.choose(slug, article.draft())), comments.of(slug),
                        ShareBar.direct().links(slug, rendering.site().absolute(article.publicPath()), article.draft().title()),
                        true), ShownPhotos.in(article.draft(), media)));
    }

    /** The live story as lists show it, its teaser image a variant of its lead photo as the library holds it now. */
    public ListEntry listEntry(StoredArticle article) {
        Article shown = rendering.authors().credit(article.published());
        Image lead = shown.image();
        if (lead == null || !lead.fromLibrary()) {
            return ListEntries.of(article, shown);
        }
        return ListEntries.of(article, shown, ShownPhotos.in(shown, media).of(lead)
                .flatMap(photo -> photo.atLeast(2 * TEASER_WIDTH)).map(Variant::path).orElse(null));
    }

    /** Writes the assets and the 404 page the pages link to, once per container; returns the public paths written. */
    public List<String> writeSiteFiles() {
        if (siteFilesWritten) {
            return List.of();
        }
        List<String> written = siteFiles.writeTo(bucket);
        siteFilesWritten = true;
        return written;
    }

    /**
     * A live story's page and its former addresses' redirects; returns the public paths written. The page is
     * written as {@link #rerender} writes it, checked against the stored state afterwards: a publish or follow-up
     * slowed down after reading an older version must not leave that version's page behind a newer one's.
     */
    public List<String> writeLive(StoredArticle article) {
        List<String> written = new ArrayList<>(writeUntilCurrent(article));
        String location = article.publicPath();
        byte[] body = MovedStoryPage.html(rendering.site().absolute(location)).getBytes(StandardCharsets.UTF_8);
        for (String former : article.formerPaths()) {
            if (bucket.putRedirect(ArticlePaths.objectKey(former), location, body, HTML, PAGE_CACHE_CONTROL,
                    List.of(CacheTags.article(article.slug().value())))) {
                written.add(former);
            }
        }
        return written;
    }

    /** The page and every former address, as a notice that names no article, which the CDN answers with 410. */
    public List<String> writeGone(StoredArticle article) {
        if (article.published() == null) {
            return List.of();
        }
        byte[] gone = new UnavailableArticlePage(rendering.site(), rendering.views(), rendering.renderer()).html()
                .getBytes(StandardCharsets.UTF_8);
        List<String> addresses = new ArrayList<>(article.formerPaths());
        addresses.add(article.publicPath());
        List<String> written = new ArrayList<>();
        for (String address : addresses) {
            if (bucket.putGone(ArticlePaths.objectKey(address), gone, HTML, PAGE_CACHE_CONTROL,
                    List.of(CacheTags.article(article.slug().value())))) {
                written.add(address);
            }
        }
        return written;
    }

    /**
     * Renders a live article's page again from its stored state, after something else the page shows changed (call
     * {@link ArticleStore#bumpPageRevision} first). Two re-renders racing may finish in the wrong order, so each
     * checks after writing that no newer revision arrived meanwhile, and renders again if one did: the last write
     * always shows the newest state. A story no longer live is left alone.
     */
    public List<String> rerender(Slug slug) {
        return writeUntilCurrent(load(slug));
    }

    private List<String> writeUntilCurrent(StoredArticle read) {
        Slug slug = read.slug();
        Set<String> changed = new LinkedHashSet<>();
        StoredArticle current = read;
        for (int attempt = 0; attempt < MAX_RENDER_ATTEMPTS; attempt++) {
            if (!current.isLive()) {
                // taken down while we wrote: the notice goes back over the page we may have left
                if (!changed.isEmpty()) {
                    changed.addAll(writeGone(current));
                }
                return List.copyOf(changed);
            }
            changed.addAll(writePage(current));
            StoredArticle after = load(slug);
            if (after.pageRevision() == current.pageRevision() && Objects.equals(after.publishedVersion(), current.publishedVersion())) {
                return List.copyOf(changed);
            }
            current = after;
        }
        throw new PagesKeptChanging("article '" + slug + "'", MAX_RENDER_ATTEMPTS);
    }

    private List<String> writePage(StoredArticle article) {
        String path = article.publicPath();
        List<ListEntry> shownRelated = related.choose(article.slug(), article.published());
        ArticleView view = rendering.views().build(article.slug(), rendering.authors().credit(article.published()),
                new ArticleViews.Context(article.publishedAt(), article.modifiedAt(), teasers(shownRelated),
                        comments.of(article.slug()),
                        shareBar.links(article.slug(), rendering.site().absolute(path), article.published().title()), false),
                ShownPhotos.in(article.published(), media));
        relatedIndex.record(article.slug().value(), shownRelated.stream().map(ListEntry::slug).toList());
        byte[] page = rendering.renderer().article(view).getBytes(StandardCharsets.UTF_8);
        List<String> cacheTags = new ArrayList<>();
        cacheTags.add(CacheTags.article(article.slug().value()));
        shownRelated.forEach(story -> cacheTags.add(CacheTags.article(story.slug())));
        return bucket.put(ArticlePaths.objectKey(path), page, HTML, PAGE_CACHE_CONTROL, CacheTags.of(cacheTags))
                ? List.of(path) : List.of();
    }

    private List<ArticleView.TeaserView> teasers(List<ListEntry> stories) {
        return stories.stream().map(rendering.views()::teaser).toList();
    }

    private StoredArticle load(Slug slug) {
        return store.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
    }
}
