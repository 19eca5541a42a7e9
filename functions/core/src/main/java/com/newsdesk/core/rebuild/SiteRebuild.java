package com.newsdesk.core.rebuild;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.ArticleStatus;
import com.newsdesk.core.article.Image;
import com.newsdesk.core.author.AuthorProfiles;
import com.newsdesk.core.article.InvalidSlug;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.SavedBy;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.listing.ListEntries;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.publish.ApprovedComments;
import com.newsdesk.core.publish.ArticlePages;
import com.newsdesk.core.publish.RelatedStories;
import com.newsdesk.core.share.ShareBar;
import com.newsdesk.core.publish.SiteBucket;
import com.newsdesk.core.publish.SiteFiles;
import com.newsdesk.core.publish.SitePages;
import com.newsdesk.core.render.ArticleView.TeaserView;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.SiteSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Renders the whole site again from an {@link ArticleArchive}, as after a template change: every article page,
 * every front and archive page of the home page, the sections and the tags, the feeds, the sitemaps and
 * robots.txt. Pages come from the same views, templates and list pages as publishing, so the bytes are the ones a
 * publish would write. It streams: memory holds one list entry per story and the lists, never the articles; each
 * document is read twice, once for its teaser and once for its page.
 */
public final class SiteRebuild {
    private static final String HTML = "text/html; charset=utf-8";

    /** How "You may also like" is chosen. */
    public enum Related {
        /** As publishing does: the editors' pinned stories first, then stories sharing the most tags. */
        PINNED_FIRST,
        /** Stories sharing the most tags only, ignoring pins (for archives whose pins are stale). */
        TAGS_ONLY
    }

    /**
     * @param listPages front and archive pages, feeds, sitemaps and robots.txt rendered
     * @param written objects whose bytes changed (all of them into an empty folder)
     */
    public record Result(int articles, int lists, long listPages, long written, Duration took) {}

    /**
     * An archive holds articles, not author profiles: an author named by slug goes by the slug, and has no list
     * of their own here; the render worker renders author pages from the stored profiles.
     */
    private static final AuthorProfiles AUTHORS = AuthorProfiles.NONE;

    private final ArticleJson json;
    private final ArticleViews views;
    private final PageRenderer renderer;
    private final StructuredData structuredData;
    private final SiteAssets assets;
    private final SiteSettings site;
    private final ApprovedComments comments;
    private final ShareBar shareBar;
    private final Clock clock;
    private final int threads;

    public SiteRebuild(ArticleJson json, ArticleViews views, PageRenderer renderer, StructuredData structuredData,
                       SiteAssets assets, SiteSettings site, ApprovedComments comments, ShareBar shareBar, Clock clock,
                       int threads) {
        this.json = json;
        this.views = views;
        this.renderer = renderer;
        this.structuredData = structuredData;
        this.assets = assets;
        this.site = site;
        this.comments = comments;
        this.shareBar = shareBar;
        this.clock = clock;
        this.threads = threads;
    }

    public Result rebuild(ArticleArchive archive, SiteBucket bucket, Related related) {
        long started = System.nanoTime();
        List<ArticleArchive.Story> stories = archive.stories();
        InMemoryLists lists = lists(archive, stories);
        RelatedStories relatedStories = new RelatedStories(lists::story, lists);
        SitePages sitePages = new SitePages(lists, views, renderer, bucket, site, structuredData, clock, AUTHORS);
        AtomicLong written = new AtomicLong();
        written.addAndGet(new SiteFiles(assets, renderer, views, site).writeTo(bucket).size());
        inParallel(stories.size(), i -> {
            if (writePage(archive, stories.get(i), relatedStories, related, bucket)) {
                written.incrementAndGet();
            }
        });
        List<ListName> names = List.copyOf(lists.names());
        AtomicLong listPages = new AtomicLong();
        inParallel(names.size(), i -> {
            ListName list = names.get(i);
            listPages.addAndGet(pageCount(list, lists));
            written.addAndGet(sitePages.rebuild(list).size());
        });
        return new Result(stories.size(), names.size(), listPages.get(), written.get(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Home, section and tag lists with every story in publication order, built from each document's teaser fields. */
    private InMemoryLists lists(ArticleArchive archive, List<ArticleArchive.Story> stories) {
        Listed[] listed = new Listed[stories.size()];
        inParallel(stories.size(), i -> listed[i] = teaser(archive, stories.get(i)));
        List<Listed> oldestFirst = new ArrayList<>(List.of(listed));
        oldestFirst.sort(Comparator.comparing(story -> story.entry().publishedAt()));
        InMemoryLists lists = new InMemoryLists();
        ListName home = ListName.home(site.name());
        for (Listed story : oldestFirst) {
            lists.append(home, story.entry());
            lists.append(ListName.section(story.section().slug(), story.section().name()), story.entry());
            Set<String> tagKeys = new HashSet<>();
            for (String tag : story.entry().tags()) {
                ListName list = ListName.tag(tag);
                if (tagKeys.add(list.key())) {
                    lists.append(list, story.entry());
                }
            }
        }
        return lists;
    }

    /** A story's list entry and the section whose list it joins. */
    private record Listed(ListEntry entry, Article.Section section) {}

    private Listed teaser(ArticleArchive archive, ArticleArchive.Story story) {
        Teaser teaser;
        try {
            teaser = json.mapper().readValue(archive.document(story.slug()), Teaser.class);
        } catch (JsonProcessingException e) {
            throw new ArchiveUnreadable(story.slug() + ".json is not an article: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (teaser.title() == null || teaser.authors() == null) {
            throw new ArchiveUnreadable(story.slug() + ".json has no title or no authors");
        }
        checkSection(story, teaser.section());
        Article head = new Article(teaser.title(), teaser.dek(), teaser.section(), teaser.authors(), null,
                teaser.language(), teaser.tags(), teaser.image(), null, List.of(), null, null, null);
        return new Listed(ListEntries.of(published(story, AUTHORS.credit(head))), teaser.section());
    }

    /** The fields of a document that its list entry shows; the body is skipped, not built. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Teaser(String title, String dek, Article.Section section, List<Article.Author> authors, String language,
                          List<String> tags, Image image) {}

    private boolean writePage(ArticleArchive archive, ArticleArchive.Story story, RelatedStories relatedStories,
                              Related related, SiteBucket bucket) {
        Article article = read(archive, story);
        if (related == Related.TAGS_ONLY) {
            article = new Article(article.title(), article.dek(), article.section(), article.authors(), article.dateline(),
                    article.language(), article.tags(), article.image(), article.seo(), article.body(),
                    article.references(), List.of(), article.commentsEnabled());
        }
        StoredArticle stored = published(story, article);
        String path = stored.publicPath();
        List<TeaserView> shownRelated = relatedStories.choose(story.slug(), article).stream().map(views::teaser).toList();
        byte[] page = renderer.article(views.build(story.slug(), AUTHORS.credit(article),
                new ArticleViews.Context(story.publishedAt(), story.publishedAt(), shownRelated, comments.of(story.slug()),
                        shareBar.links(story.slug(), site.absolute(path), article.title()), false)))
                .getBytes(StandardCharsets.UTF_8);
        return bucket.put(ArticlePaths.objectKey(path), page, HTML, ArticlePages.PAGE_CACHE_CONTROL);
    }

    /**
     * Read as publishing reads a stored article: an archive holds what editors saved, validated when they saved it,
     * so the schema is not checked again (it was a sixth of a rebuild). What becomes a path is: a file edited since
     * must not write outside the site.
     */
    private Article read(ArticleArchive archive, ArticleArchive.Story story) {
        Article article;
        try {
            article = json.readStored(archive.document(story.slug()));
        } catch (UncheckedIOException e) {
            throw new ArchiveUnreadable(story.slug() + ".json is not an article: " + firstLine(e.getCause().getMessage()));
        }
        checkSection(story, article.section());
        return article;
    }

    private static void checkSection(ArticleArchive.Story story, Article.Section section) {
        if (section == null || section.slug() == null || section.name() == null) {
            throw new ArchiveUnreadable(story.slug() + ".json has no section slug and name");
        }
        try {
            Slug.of(section.slug());
        } catch (InvalidSlug e) {
            throw new ArchiveUnreadable(story.slug() + ".json: the section slug is not a slug: " + e.getMessage());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }

    /** A story as the store holds it after its first publish: published once, never modified since. */
    private static StoredArticle published(ArticleArchive.Story story, Article article) {
        return new StoredArticle(story.slug(), 1, ArticleStatus.PUBLISHED, article, article, 1L, story.publishedAt(),
                story.publishedAt(), story.publishedAt(), story.publishedAt(), 0, List.of(), SavedBy.SYSTEM, "Created");
    }

    private static long pageCount(ListName list, InMemoryLists lists) {
        long archivePages = (lists.head(list).lastSeq() + SitePages.PAGE_SIZE - 1) / SitePages.PAGE_SIZE;
        return 1 + archivePages + (list.hasFeed() ? 1 : 0);
    }

    /** Runs {@code task} for 0..count-1 on the rebuild's threads; the first failure stops the rest and is rethrown. */
    private void inParallel(int count, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(worker, "rebuild-" + t);
            thread.start();
            workers.add(thread);
        }
        for (Thread thread : workers) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rebuild interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
