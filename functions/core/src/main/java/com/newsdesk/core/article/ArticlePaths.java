package com.newsdesk.core.article;

import java.net.URI;

/** Where readers find things on the site; every public URL is built here. */
public final class ArticlePaths {
    private ArticlePaths() {}

    public static String articlePath(String sectionSlug, String slug) {
        return "/" + sectionSlug + "/" + slug + "/";
    }

    public static String sectionPath(String sectionSlug) {
        return "/" + sectionSlug + "/";
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
