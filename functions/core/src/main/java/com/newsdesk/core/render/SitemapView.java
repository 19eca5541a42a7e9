package com.newsdesk.core.render;

import java.util.List;

/** The sitemap protocol's documents: an index of sitemaps, a URL set, and a Google News URL set. */
public final class SitemapView {
    private SitemapView() {}

    public record Index(List<String> sitemaps) {}

    public record UrlSet(List<Url> urls) {}

    public record Url(String loc, String lastmod) {}

    public record News(String publication, List<NewsUrl> urls) {}

    /** {@code language}: the ISO 639 code of the story's own language, as Google News asks. */
    public record NewsUrl(String loc, String language, String publicationDate, String title) {}
}
