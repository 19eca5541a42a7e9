package com.newsdesk.core.article;

/** Where readers find things on the site; every public URL is built here. */
public final class ArticlePaths {
    private ArticlePaths() {}

    public static String articlePath(String sectionSlug, String slug) {
        return "/" + sectionSlug + "/" + slug + "/";
    }

    public static String sectionPath(String sectionSlug) {
        return "/" + sectionSlug + "/";
    }

    /** The bucket key that holds the page served at a clean public path. */
    public static String objectKey(String publicPath) {
        String trimmed = publicPath.startsWith("/") ? publicPath.substring(1) : publicPath;
        return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed + "index.html" : trimmed;
    }
}
