package com.newsdesk.core.publish;

import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.author.AuthorProfile;
import com.newsdesk.core.author.AuthorProfiles;
import com.newsdesk.core.cdn.CacheTags;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListReader;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.render.ArticleView.Crumb;
import com.newsdesk.core.render.ArticleView.PageMeta;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.FeedView;
import com.newsdesk.core.render.IndexView;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SitemapView;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.SiteSettings;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pages around the articles: front and archive pages of every list, RSS feeds, sitemaps and robots.txt.
 * Given the positions that changed in a list, it renders exactly the pages those changes can affect, writes only
 * those whose bytes differ, and returns their public paths.
 */
public final class SitePages {
    public static final int PAGE_SIZE = 20;
    static final int FEED_SIZE = 20;
    static final int SITEMAP_SIZE = 1000;
    static final Duration NEWS_WINDOW = Duration.ofHours(48);
    static final String PAGE_CACHE_CONTROL = ArticlePages.PAGE_CACHE_CONTROL;
    static final String FEED_CACHE_CONTROL = "public, max-age=300, s-maxage=600";
    private static final String NEWS_SITEMAP = ArticlePaths.sitemapPath("news.xml");
    private static final String AUTHORS_SITEMAP = ArticlePaths.sitemapPath("authors.xml");
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final Comparator<ListEntry> BY_PUBLICATION =
            Comparator.comparing(ListEntry::publishedAt).thenComparingLong(ListEntry::seq).reversed();

    private final ListReader lists;
    private final ArticleViews views;
    private final PageRenderer renderer;
    private final SiteBucket bucket;
    private final SiteSettings site;
    private final StructuredData structuredData;
    private final Clock clock;
    private final AuthorProfiles authors;

    public SitePages(ListReader lists, ArticleViews views, PageRenderer renderer, SiteBucket bucket, SiteSettings site,
                     StructuredData structuredData, Clock clock, AuthorProfiles authors) {
        this.lists = lists;
        this.views = views;
        this.renderer = renderer;
        this.bucket = bucket;
        this.site = site;
        this.structuredData = structuredData;
        this.clock = clock;
        this.authors = authors;
    }

    public ListName home() {
        return ListName.home(site.name());
    }

    /**
     * Renders, from the list as it stands at {@code head}, the pages that a change at the positions {@code seqs} can
     * affect: the front page, the archive pages holding those positions (and the page before a newly started one,
     * which now links to it), the feed, and for the home list its sitemaps and robots.txt. Returns the public paths
     * whose bytes changed. The caller makes sure no change landed during the render ({@link ListPages}).
     */
    public List<String> render(ListName stored, Set<Long> seqs, ListStore.Head head) {
        AuthorProfile profile = stored.kind() == ListName.Kind.AUTHOR ? authors.find(stored.segment()).orElse(null) : null;
        // an author's pages go by the profile's name as it is now, not as it was when the list began
        ListName list = profile == null ? stored : new ListName(stored.key(), profile.name(), stored.kind(), stored.segment());
        List<String> written = new ArrayList<>();
        long lastPage = pageOf(head.lastSeq());
        Set<Long> archivePages = new TreeSet<>();
        Set<Long> sitemapChunks = new TreeSet<>();
        boolean newSitemapChunk = false;
        for (long seq : seqs) {
            archivePages.add(pageOf(seq));
            sitemapChunks.add(chunkOf(seq));
            if (seq % PAGE_SIZE == 1 && seq > 1) {
                archivePages.add(pageOf(seq) - 1);
            }
            newSitemapChunk |= seq % SITEMAP_SIZE == 1;
        }
        List<ListEntry> newest = byPublication(lists.newest(list, Math.max(PAGE_SIZE, FEED_SIZE)));
        written.addAll(writePage(list.frontPath(), front(list, newest, lastPage, profile), cacheTags(list, first(newest, PAGE_SIZE))));
        for (long page : archivePages) {
            if (page >= 1 && page <= lastPage) {
                List<ListEntry> stories = byPublication(lists.range(list, (page - 1) * PAGE_SIZE + 1, page * PAGE_SIZE));
                written.addAll(writePage(list.archivePath(page), archive(list, page, lastPage, stories), cacheTags(list, stories)));
            }
        }
        if (list.hasFeed()) {
            written.addAll(writeXml(list.feedPath(), renderer.rss(feed(list, newest)), FEED_CACHE_CONTROL,
                    cacheTags(list, first(newest, FEED_SIZE))));
        }
        if (list.kind() == ListName.Kind.HOME) {
            for (long chunk : sitemapChunks) {
                written.addAll(writeXml(sitemapPath(chunk), renderer.sitemap(sitemap(list, chunk)), FEED_CACHE_CONTROL));
            }
            if (newSitemapChunk || head.lastSeq() <= SITEMAP_SIZE) {
                written.addAll(writeXml("/sitemap.xml", renderer.sitemapIndex(sitemapIndex(head)), FEED_CACHE_CONTROL));
            }
            written.addAll(writeXml(NEWS_SITEMAP, renderer.newsSitemap(newsSitemap(list)), FEED_CACHE_CONTROL));
            written.addAll(writeText("/robots.txt", robots(), "text/plain; charset=utf-8"));
        }
        return written;
    }

    /**
     * Renders every page of the list, as after a template change: the front page, each archive page and the feed,
     * and for the home list every sitemap and robots.txt. Returns the public paths whose bytes changed.
     */
    public List<String> rebuild(ListName list) {
        ListStore.Head head = lists.head(list);
        Set<Long> everyPage = new TreeSet<>();
        for (long first = 1; first <= Math.max(1, head.lastSeq()); first += PAGE_SIZE) {
            // a story at the start of each page touches that page, its sitemap chunk and the sitemap index
            everyPage.add(first);
        }
        return render(list, everyPage, head);
    }

    private IndexView front(ListName list, List<ListEntry> newest, long lastPage, AuthorProfile profile) {
        List<ListEntry> shown = newest.size() > PAGE_SIZE ? newest.subList(0, PAGE_SIZE) : newest;
        Crumb older = lastPage > 1 || newest.size() > PAGE_SIZE ? new Crumb("Older stories", list.archivePath(Math.max(1, lastPage - 1))) : null;
        String heading = switch (list.kind()) {
            case HOME -> "Latest news";
            case SECTION -> list.title();
            case TAG -> "Stories tagged “" + list.title() + "”";
            case AUTHOR -> list.title();
        };
        String description = profile == null ? heading : "Stories by " + heading;
        return new IndexView(meta(list, list.frontPath(), heading, description, profile), heading,
                profile == null ? null : profile.role(), trail(list, null), shown.stream().map(views::teaser).toList(),
                null, older, profile == null ? null : profileView(profile));
    }

    private IndexView archive(ListName list, long page, long lastPage, List<ListEntry> stories) {
        String name = list.kind() == ListName.Kind.HOME ? "All stories" : list.title();
        String heading = name + ": archive page " + page;
        Crumb newer = page < lastPage ? new Crumb("Newer stories", list.archivePath(page + 1)) : new Crumb("Latest stories", list.frontPath());
        Crumb older = page > 1 ? new Crumb("Older stories", list.archivePath(page - 1)) : null;
        String subheading = stories.isEmpty() ? null : "Stories from "
                + views.moment(stories.get(stories.size() - 1).publishedAt(), locale()).display().replaceFirst(",[^,]*$", "")
                + " to " + views.moment(stories.get(0).publishedAt(), locale()).display().replaceFirst(",[^,]*$", "");
        return new IndexView(meta(list, list.archivePath(page), heading, heading, null), heading, subheading,
                trail(list, page), stories.stream().map(views::teaser).toList(), newer, older, null);
    }

    /** Home › list › page n; the home page itself has none. */
    private List<Crumb> trail(ListName list, Long page) {
        List<Crumb> trail = new ArrayList<>();
        if (list.kind() != ListName.Kind.HOME || page != null) {
            trail.add(new Crumb("Home", "/"));
        }
        if (list.kind() != ListName.Kind.HOME) {
            trail.add(new Crumb(list.kind() == ListName.Kind.TAG ? "Tag: " + list.title() : list.title(), list.frontPath()));
        }
        if (page != null) {
            trail.add(new Crumb("Page " + page, list.archivePath(page)));
        }
        return trail;
    }

    /** @param profile the author a front page presents, whose {@code ProfilePage} it is; else {@code null} */
    private PageMeta meta(ListName list, String path, String title, String description, AuthorProfile profile) {
        String jsonLd;
        if (profile != null) {
            jsonLd = structuredData.write(structuredData.profilePage(profile, site.absolute(path)));
        } else if (list.kind() == ListName.Kind.HOME) {
            var website = structuredData.node("WebSite");
            website.put("name", site.name());
            website.put("url", site.absolute("/"));
            website.put("@context", "https://schema.org");
            jsonLd = structuredData.write(website);
        } else {
            var crumbs = structuredData.breadcrumbs(List.of(new String[] {"Home", site.absolute("/")},
                    new String[] {list.title(), site.absolute(list.frontPath())}));
            crumbs.put("@context", "https://schema.org");
            jsonLd = structuredData.write(crumbs);
        }
        List<Crumb> feeds = new ArrayList<>();
        feeds.add(new Crumb(site.name(), "/feed.xml"));
        if (list.kind() != ListName.Kind.HOME && list.hasFeed()) {
            feeds.add(new Crumb(list.title(), list.feedPath()));
        }
        String documentTitle = list.kind() == ListName.Kind.HOME && path.equals("/") ? site.name() + ": " + title : title + " | " + site.name();
        return new PageMeta(site.language(), "ltr", documentTitle, description + " from " + site.name(), site.absolute(path),
                true, "website", null, new SafeString(jsonLd), feeds, views.siteView());
    }

    private FeedView feed(ListName list, List<ListEntry> newest) {
        List<ListEntry> items = newest.size() > FEED_SIZE ? newest.subList(0, FEED_SIZE) : newest;
        String title = list.kind() == ListName.Kind.HOME ? site.name() : list.title() + " | " + site.name();
        Instant lastChange = items.stream().map(ListEntry::modifiedAt).max(Instant::compareTo).orElse(null);
        return new FeedView(title, site.absolute(list.frontPath()), site.absolute(list.feedPath()),
                "The latest stories from " + title, site.language(), lastChange == null ? null : RFC_822.format(lastChange),
                items.stream().map(e -> new FeedView.Item(e.headline(), site.absolute(e.path()), e.dek(),
                        RFC_822.format(e.publishedAt()), e.byline(), e.sectionName())).toList());
    }

    private SitemapView.UrlSet sitemap(ListName home, long chunk) {
        List<ListEntry> stories = byPublication(lists.range(home, (chunk - 1) * SITEMAP_SIZE + 1, chunk * SITEMAP_SIZE));
        return new SitemapView.UrlSet(stories.stream()
                .map(e -> new SitemapView.Url(site.absolute(e.path()), e.modifiedAt().toString())).toList());
    }

    private SitemapView.Index sitemapIndex(ListStore.Head head) {
        List<String> sitemaps = new ArrayList<>();
        for (long chunk = 1; chunk <= Math.max(1, chunkOf(head.lastSeq())); chunk++) {
            sitemaps.add(site.absolute(sitemapPath(chunk)));
        }
        sitemaps.add(site.absolute(NEWS_SITEMAP));
        if (!authors.all().isEmpty()) {
            sitemaps.add(site.absolute(AUTHORS_SITEMAP));
        }
        return new SitemapView.Index(sitemaps);
    }

    /**
     * The sitemap of author pages, one for every profile, and the sitemap index that names it: written when a
     * profile is saved. Returns the public paths whose bytes changed.
     */
    public List<String> authorSitemaps() {
        List<String> written = new ArrayList<>(writeXml(AUTHORS_SITEMAP, renderer.sitemap(new SitemapView.UrlSet(
                authors.all().stream().map(author -> new SitemapView.Url(site.absolute(author.path()),
                        author.updatedAt().toString())).toList())), FEED_CACHE_CONTROL));
        written.addAll(writeXml("/sitemap.xml", renderer.sitemapIndex(sitemapIndex(lists.head(home()))), FEED_CACHE_CONTROL));
        return written;
    }

    private static IndexView.ProfileView profileView(AuthorProfile profile) {
        return new IndexView.ProfileView(profile.bio(), profile.image() == null ? null : profile.image().src(),
                profile.image() == null ? null : profile.image().alt(),
                profile.links().stream().map(link -> new Crumb(URI.create(link).getHost(), link)).toList());
    }

    private SitemapView.News newsSitemap(ListName home) {
        Instant since = clock.instant().minus(NEWS_WINDOW);
        List<SitemapView.NewsUrl> urls = byPublication(lists.newest(home, SITEMAP_SIZE)).stream()
                .filter(e -> e.publishedAt().isAfter(since))
                .map(e -> new SitemapView.NewsUrl(site.absolute(e.path()), Locale.forLanguageTag(e.language()).getLanguage(),
                        e.publishedAt().toString(), e.headline()))
                .toList();
        return new SitemapView.News(site.name(), urls);
    }

    private String robots() {
        return "User-agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: " + site.absolute("/sitemap.xml") + "\n";
    }

    private Locale locale() {
        return Locale.forLanguageTag(site.language());
    }

    private List<String> writePage(String path, IndexView view, List<String> cacheTags) {
        byte[] html = renderer.index(view).getBytes(StandardCharsets.UTF_8);
        return bucket.put(ArticlePaths.objectKey(path), html, "text/html; charset=utf-8", PAGE_CACHE_CONTROL, cacheTags)
                ? List.of(path) : List.of();
    }

    /** Sitemaps list up to a thousand stories, more than an object's tags can name: the publisher purges them by path. */
    private List<String> writeXml(String path, String xml, String cacheControl) {
        return writeXml(path, xml, cacheControl, List.of());
    }

    private List<String> writeXml(String path, String xml, String cacheControl, List<String> cacheTags) {
        String contentType = path.endsWith("feed.xml") ? "application/rss+xml; charset=utf-8" : "application/xml; charset=utf-8";
        return bucket.put(path.substring(1), xml.getBytes(StandardCharsets.UTF_8), contentType, cacheControl, cacheTags)
                ? List.of(path) : List.of();
    }

    /** The list itself and every story the object shows, so that a change to one story purges it by tag. */
    private static List<String> cacheTags(ListName list, List<ListEntry> shown) {
        List<String> tags = new ArrayList<>();
        tags.add(CacheTags.list(list));
        shown.forEach(story -> tags.add(CacheTags.article(story.slug())));
        return CacheTags.of(tags);
    }

    /**
     * Newest published first. A list holds stories in the order their follow-ups reached it, which is publication
     * order unless one was delayed (a retry after an outage): a page shows them as they were published all the same.
     */
    private static List<ListEntry> byPublication(List<ListEntry> stories) {
        return stories.stream().sorted(BY_PUBLICATION).toList();
    }

    private static List<ListEntry> first(List<ListEntry> stories, int count) {
        return stories.size() > count ? stories.subList(0, count) : stories;
    }

    private List<String> writeText(String path, String text, String contentType) {
        return bucket.put(path.substring(1), text.getBytes(StandardCharsets.UTF_8), contentType, FEED_CACHE_CONTROL) ? List.of(path) : List.of();
    }

    static long pageOf(long seq) {
        return (seq + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    static long chunkOf(long seq) {
        return (seq + SITEMAP_SIZE - 1) / SITEMAP_SIZE;
    }

    static String sitemapPath(long chunk) {
        return ArticlePaths.sitemapPath("articles-" + chunk + ".xml");
    }
}
