package com.newsdesk.core.render;

import java.util.List;

/** The sitemap protocol's documents: an index of sitemaps, a URL set, and a Google News URL set. */
public final class SitemapView {
    private SitemapView() {}

    public record Index(List<String> sitemaps) {}

    public record UrlSet(List<Url> urls) {}

    public record Url(String loc, String lastmod) {}

    public record News(String publication, String language, List<NewsUrl> urls) {}

    public record NewsUrl(String loc, String publicationDate, String title) {}
}
