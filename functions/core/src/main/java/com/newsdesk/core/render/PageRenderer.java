package com.newsdesk.core.render;

import com.newsdesk.core.comment.ReaderPages;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one Pebble engine: autoescaping HTML, strict variables (a typo in a template fails a test instead of
 * printing nothing), templates from the classpath compiled once at construction.
 */
public final class PageRenderer {
    /** Far above any real page; a runaway template must fail rather than fill memory. */
    private static final int MAX_RENDERED_CHARS = 8 * 1024 * 1024;

    private final PebbleTemplate articlePage;
    private final PebbleTemplate unavailableArticlePage;
    private final PebbleTemplate indexPage;
    private final PebbleTemplate rssFeed;
    private final PebbleTemplate sitemapIndex;
    private final PebbleTemplate sitemapUrls;
    private final PebbleTemplate newsSitemap;
    private final PebbleTemplate readerNotice;

    public PageRenderer() {
        ClasspathLoader loader = new ClasspathLoader(PageRenderer.class.getClassLoader());
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(true)
                .maxRenderedSize(MAX_RENDERED_CHARS)
                .cacheActive(true)
                .build();
        this.articlePage = engine.getTemplate("pages/article");
        this.unavailableArticlePage = engine.getTemplate("pages/unavailable-article");
        this.indexPage = engine.getTemplate("pages/index");
        this.rssFeed = engine.getTemplate("feeds/rss");
        this.sitemapIndex = engine.getTemplate("sitemaps/index");
        this.sitemapUrls = engine.getTemplate("sitemaps/urlset");
        this.newsSitemap = engine.getTemplate("sitemaps/news");
        this.readerNotice = engine.getTemplate("pages/reader-notice");
    }

    public String article(ArticleView view) {
        return render(articlePage, view, 48 * 1024);
    }

    /** The page a link to a taken-down article shows; it has nothing but its head and a way home. */
    public String unavailableArticle(ArticleView.PageMeta meta) {
        return render(unavailableArticlePage, Map.of("meta", meta), 4 * 1024);
    }

    /** The page a reader's form post lands on: where a comment stands, a form's errors, a newsletter sign-up. */
    public String readerNotice(ReaderPages.NoticeView view) {
        return render(readerNotice, view, 8 * 1024);
    }

    public String index(IndexView view) {
        return render(indexPage, view, 32 * 1024);
    }

    public String rss(FeedView view) {
        return render(rssFeed, view, 16 * 1024);
    }

    public String sitemapIndex(SitemapView.Index view) {
        return render(sitemapIndex, view, 4 * 1024);
    }

    public String sitemap(SitemapView.UrlSet view) {
        return render(sitemapUrls, view, 128 * 1024);
    }

    public String newsSitemap(SitemapView.News view) {
        return render(newsSitemap, view, 16 * 1024);
    }

    private static String render(PebbleTemplate template, Object page, int expectedChars) {
        StringWriter out = new StringWriter(expectedChars);
        try {
            template.evaluate(out, Map.of("page", page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
