package com.newsdesk.core.article;

import java.net.URI;
import java.util.Set;

/** Where readers find things on the site; every public URL is built here. */
public final class ArticlePaths {
    /** The API behind the CDN, {@code /api/...}. */
    public static final String API = "api";
    /** Short share links, {@code /s/<code>}. */
    public static final String SHORT_LINKS = "s";
    /** Fingerprinted stylesheets and scripts, {@code /assets/...}. */
    public static final String ASSETS = "assets";
    /** Tag pages, {@code /tags/<tag>/}. */
    public static final String TAGS = "tags";
    /** Archive pages of a list, {@code /page/2/}, {@code /city/page/2/}. */
    public static final String ARCHIVE = "page";
    /** The sitemaps the index names, {@code /sitemaps/news.xml}. */
    public static final String SITEMAPS = "sitemaps";
    /** Author pages, {@code /authors/<slug>/}. */
    public static final String AUTHORS = "authors";
    /** Kept free for processed photos, so adding them renames no section. */
    private static final Set<String> FUTURE = Set.of(AUTHORS, "images");

    /**
     * First path segments that belong to the site itself: a section named so would put its pages on top of the
     * API, the short links, the assets or the lists' own pages.
     */
    public static final Set<String> RESERVED_SECTIONS = union(Set.of(API, SHORT_LINKS, ASSETS, TAGS, ARCHIVE, SITEMAPS), FUTURE);
    /** An article named {@code page} would sit among its section's archive pages, {@code /city/page/2/}. */
    public static final Set<String> RESERVED_ARTICLES = Set.of(ARCHIVE);

    private ArticlePaths() {}

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    public static String articlePath(String sectionSlug, String slug) {
        return "/" + sectionSlug + "/" + slug + "/";
    }

    /** The section segment of an article's path: {@code /city/night-buses-return/} is {@code city}. */
    public static String sectionOf(String articlePath) {
        return articlePath.substring(1, articlePath.indexOf('/', 1));
    }

    public static String sectionPath(String sectionSlug) {
        return "/" + sectionSlug + "/";
    }

    /** The page of a tag, by its URL segment (see {@code TagSlugs}). */
    public static String tagPath(String tagSegment) {
        return "/" + TAGS + "/" + tagSegment + "/";
    }

    /** The page of an author's profile and stories. */
    public static String authorPath(String authorSlug) {
        return "/" + AUTHORS + "/" + authorSlug + "/";
    }

    /** Archive page {@code number} of the list whose front page is {@code frontPath}. */
    public static String archivePath(String frontPath, long number) {
        return frontPath + ARCHIVE + "/" + number + "/";
    }

    public static String sitemapPath(String name) {
        return "/" + SITEMAPS + "/" + name;
    }

    public static boolean isAsset(String path) {
        return path.startsWith("/" + ASSETS + "/");
    }

    /**
     * The bucket key that holds the page served at a clean public path. S3 looks a request up by its decoded
     * path, so the page of {@code /tags/%D9%86%D9%82%D9%84/} must be stored as {@code tags/نقل/index.html}.
     */
    public static String objectKey(String publicPath) {
        String decoded = URI.create(publicPath).getPath();
        String trimmed = decoded.startsWith("/") ? decoded.substring(1) : decoded;
        return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed + "index.html" : trimmed;
    }
}
