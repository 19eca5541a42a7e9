package com.newsdesk.core.publish;

import com.newsdesk.core.share.ShareBar;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleNotFound;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.ArticleStatus;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.article.VersionConflict;
import com.newsdesk.core.cdn.CacheTags;
import com.newsdesk.core.cdn.CdnPurge;
import com.newsdesk.core.cdn.Purge;
import com.newsdesk.core.listing.ListEntries;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.listing.RelatedIndex;
import com.newsdesk.core.render.ArticleView;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.share.UnavailableArticlePage;
import com.newsdesk.core.site.SiteSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishing: the article's state changes first, by one conditional write; everything after that (the page, the
 * lists it appears in, the pages around it, the pages that recommend it) is derived from stored state by
 * idempotent steps, so a publish that failed half-way is completed by publishing again, and a repeat publish
 * writes nothing.
 */
public final class Publisher {
    /** Readers' browsers revalidate after a minute; the CDN keeps pages until a publish purges them. */
    public static final String PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=31536000, stale-while-revalidate=60";
    /** Not purged when it changes (no page depends on it), so kept briefly. */
    private static final String HTML = "text/html; charset=utf-8";
    /** Each retry follows a change made during the previous render; more in a row means something is wrong. */
    private static final int MAX_RENDER_ATTEMPTS = 10;
    /** Each retry of a state change follows an editor's save; more in a row and the editor should decide. */
    private static final int MAX_STATE_ATTEMPTS = 5;

    private final ArticleStore store;
    private final ListStore lists;
    private final RelatedIndex relatedIndex;
    private final RelatedStories related;
    private final SitePages sitePages;
    private final ArticleViews views;
    private final PageRenderer renderer;
    private final SiteBucket bucket;
    /** Rendered on first use: the same for every publish, and not needed on the snapshot's request path. */
    private final SiteFiles siteFiles;
    private final SiteSettings site;
    private final ApprovedComments comments;
    private final ShareBar shareBar;
    private final CdnPurge cdn;
    private final Clock clock;

    /** @param cdn told after every publish, unpublish and re-render what it must drop */
    public Publisher(ArticleStore store, ListStore lists, RelatedIndex relatedIndex, SitePages sitePages, ArticleViews views,
                     PageRenderer renderer, SiteBucket bucket, SiteAssets assets, SiteSettings site,
                     ApprovedComments comments, ShareBar shareBar, CdnPurge cdn, Clock clock) {
        this.store = store;
        this.lists = lists;
        this.relatedIndex = relatedIndex;
        this.related = new RelatedStories(
                pinned -> store.find(Slug.of(pinned)).filter(StoredArticle::isLive).map(ListEntries::of), lists);
        this.sitePages = sitePages;
        this.views = views;
        this.renderer = renderer;
        this.bucket = bucket;
        this.siteFiles = new SiteFiles(assets, renderer, views, site);
        this.site = site;
        this.comments = comments;
        this.shareBar = shareBar;
        this.cdn = cdn;
        this.clock = clock;
    }

    /** The page as it would be published now, from the draft; nothing is stored. */
    public String preview(Slug slug) {
        StoredArticle article = load(slug);
        Instant now = clock.instant();
        Instant publishedAt = article.publishedAt() != null ? article.publishedAt() : now;
        return renderer.article(views.build(slug, article.draft(),
                new ArticleViews.Context(publishedAt, article.publishedAt() != null ? now : null,
                        teasers(related.choose(slug, article.draft())), comments.of(slug),
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
        Set<String> changed = new LinkedHashSet<>(siteFiles.writeTo(bucket));
        List<String> page = new ArrayList<>(writePage(published));
        page.addAll(writeFormerAddresses(published));
        List<ListStore.Change> listChanges = updateLists(published);
        List<String> listPages = sitePages.refresh(listChanges);
        forget(slug, listChanges);
        List<String> showing = rerenderPagesShowing(slug);
        changed.addAll(page);
        changed.addAll(listPages);
        changed.addAll(showing);
        // a list the story is new to did not show it before, so its cached pages carry no tag of this story; nor may
        // those of a list where it was already (unchanged), whose pages change only when an interrupted publish is
        // being completed
        boolean listsShowedIt = listChanges.stream().allMatch(change -> change.kind() == ListStore.Change.Kind.UPDATED
                || change.kind() == ListStore.Change.Kind.REMOVED);
        purge("publish:" + slug.value() + ":v" + published.version(), slug, page, showing, listPages, listsShowedIt);
        return new PublishResult(published, site.absolute(published.publicPath()), List.copyOf(changed));
    }

    /** Takes the page down and out of every list, feed and sitemap; unpublishing twice is harmless. */
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
        List<String> page = new ArrayList<>();
        // the page and every former address stay, as a notice that names no article, so that the CDN answers them 410
        if (current.published() != null) {
            byte[] gone = new UnavailableArticlePage(site, views, renderer).html().getBytes(StandardCharsets.UTF_8);
            List<String> addresses = new ArrayList<>(current.formerPaths());
            addresses.add(current.publicPath());
            for (String address : addresses) {
                if (bucket.putGone(ArticlePaths.objectKey(address), gone, HTML, PAGE_CACHE_CONTROL,
                        List.of(CacheTags.article(slug.value())))) {
                    page.add(address);
                }
            }
        }
        List<ListStore.Change> removals = new ArrayList<>();
        for (ListName list : lists.listsOf(slug.value())) {
            lists.remove(list, slug.value()).ifPresent(removals::add);
        }
        List<String> listPages = sitePages.refresh(removals);
        forget(slug, removals);
        relatedIndex.record(slug.value(), List.of());
        List<String> showing = rerenderPagesShowing(slug);
        Set<String> changed = new LinkedHashSet<>(page);
        changed.addAll(listPages);
        changed.addAll(showing);
        // every page that changed showed the story until now, so its cached copy carries the story's tag
        purge("unpublish:" + slug.value() + ":v" + result.version(), slug, page, showing, listPages, true);
        return new PublishResult(result, site.absolute(result.publicPath()), List.copyOf(changed));
    }

    /**
     * Renders the published version of a live article into the bucket again, after something else its page shows
     * changed (call {@link ArticleStore#bumpPageRevision} first). Two re-renders racing may finish in the wrong
     * order, so each one checks after writing that no newer revision arrived meanwhile, and renders again if it
     * did: the last write always shows the newest state.
     */
    public List<String> rerender(Slug slug) {
        long revision = load(slug).pageRevision();
        List<String> changed = rerenderPage(slug);
        // one page: its path is one item, where the story's tag would also drop every list showing it
        cdn.purge(Purge.of("rerender:" + slug.value() + ":r" + revision, CacheTags.article(slug.value()), List.of(), changed));
        return changed;
    }

    private List<String> rerenderPage(Slug slug) {
        Set<String> changed = new LinkedHashSet<>();
        StoredArticle current = load(slug);
        for (int attempt = 0; attempt < MAX_RENDER_ATTEMPTS; attempt++) {
            if (!current.isLive()) {
                return List.copyOf(changed);
            }
            changed.addAll(writePage(current));
            StoredArticle after = load(slug);
            if (after.pageRevision() == current.pageRevision() && after.publishedVersion().equals(current.publishedVersion())) {
                return List.copyOf(changed);
            }
            current = after;
        }
        throw new PagesKeptChanging("article '" + slug + "'", MAX_RENDER_ATTEMPTS);
    }

    /** Puts the story into the lists it belongs to now, and takes it out of those it left (a new section or tag). */
    private List<ListStore.Change> updateLists(StoredArticle article) {
        Article shown = article.published();
        List<ListName> target = new ArrayList<>();
        target.add(sitePages.home());
        target.add(ListName.section(shown.section().slug(), shown.section().name()));
        shown.tags().forEach(tag -> target.add(ListName.tag(tag)));
        ListEntry story = ListEntries.of(article);
        List<ListStore.Change> changes = new ArrayList<>();
        Set<String> targetKeys = new LinkedHashSet<>();
        for (ListName list : target) {
            if (targetKeys.add(list.key())) {
                changes.add(lists.upsert(list, story));
            }
        }
        for (ListName list : lists.listsOf(article.slug().value())) {
            if (!targetKeys.contains(list.key())) {
                lists.remove(list, article.slug().value()).ifPresent(changes::add);
            }
        }
        return changes;
    }

    /** Once the pages show a removal, the story stops being a member of the list; until then a retry finds it. */
    private void forget(Slug slug, List<ListStore.Change> changes) {
        for (ListStore.Change change : changes) {
            if (change.kind() == ListStore.Change.Kind.REMOVED) {
                lists.forget(change.list(), slug.value());
            }
        }
    }

    private List<String> rerenderPagesShowing(Slug slug) {
        List<String> changed = new ArrayList<>();
        for (String other : relatedIndex.pagesShowing(slug.value())) {
            if (!other.equals(slug.value())) {
                changed.addAll(rerenderPage(Slug.of(other)));
            }
        }
        return changed;
    }

    /**
     * One tag item for every changed object whose cached copy shows the story (its own page, pages recommending it,
     * and list pages if it was in those lists before); exact paths for the rest. Sitemaps name more stories than
     * an object's tags can, so they always go by path.
     */
    private void purge(String reference, Slug slug, List<String> page, List<String> showing, List<String> listPages,
                       boolean listPagesShowedIt) {
        List<String> covered = new ArrayList<>(page);
        covered.addAll(showing);
        List<String> uncovered = new ArrayList<>();
        for (String path : listPages) {
            boolean sitemap = path.startsWith("/sitemap") || path.equals("/robots.txt");
            (listPagesShowedIt && !sitemap ? covered : uncovered).add(path);
        }
        cdn.purge(Purge.of(reference, CacheTags.article(slug.value()), covered, uncovered));
    }

    private List<String> writePage(StoredArticle article) {
        String path = article.publicPath();
        List<ListEntry> shownRelated = related.choose(article.slug(), article.published());
        ArticleView view = views.build(article.slug(), article.published(),
                new ArticleViews.Context(article.publishedAt(), article.modifiedAt(), teasers(shownRelated),
                        comments.of(article.slug()),
                        shareBar.links(article.slug(), site.absolute(path), article.published().title()), false));
        relatedIndex.record(article.slug().value(), shownRelated.stream().map(ListEntry::slug).toList());
        byte[] page = renderer.article(view).getBytes(StandardCharsets.UTF_8);
        List<String> cacheTags = new ArrayList<>();
        cacheTags.add(CacheTags.article(article.slug().value()));
        shownRelated.forEach(story -> cacheTags.add(CacheTags.article(story.slug())));
        return bucket.put(ArticlePaths.objectKey(path), page, HTML, PAGE_CACHE_CONTROL, CacheTags.of(cacheTags))
                ? List.of(path) : List.of();
    }

    /** Each address the story had before it moved answers with a redirect to where it is now. */
    private List<String> writeFormerAddresses(StoredArticle article) {
        String location = article.publicPath();
        byte[] body = MovedStoryPage.html(site.absolute(location)).getBytes(StandardCharsets.UTF_8);
        List<String> written = new ArrayList<>();
        for (String former : article.formerPaths()) {
            if (bucket.putRedirect(ArticlePaths.objectKey(former), location, body, HTML, PAGE_CACHE_CONTROL,
                    List.of(CacheTags.article(article.slug().value())))) {
                written.add(former);
            }
        }
        return written;
    }

    private List<ArticleView.TeaserView> teasers(List<ListEntry> stories) {
        return stories.stream().map(views::teaser).toList();
    }

    private StoredArticle load(Slug slug) {
        return store.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
    }
}
