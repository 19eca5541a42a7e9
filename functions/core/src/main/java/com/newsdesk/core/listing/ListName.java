package com.newsdesk.core.listing;

import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.TagSlugs;

/**
 * One of the site's article lists: the home page, a section, or a tag. Each has a front page showing the newest
 * stories and archive pages numbered from the oldest, so that publishing a story never renumbers old pages.
 *
 * @param key the stable identity, e.g. {@code home}, {@code section:city}, {@code tag:night-economy}
 * @param title what readers see, e.g. the section's name or the tag itself
 */
public record ListName(String key, String title, Kind kind, String segment) {

    public enum Kind { HOME, SECTION, TAG }

    public static ListName home(String siteName) {
        return new ListName("home", siteName, Kind.HOME, "");
    }

    public static ListName section(String slug, String name) {
        return new ListName("section:" + slug, name, Kind.SECTION, slug);
    }

    public static ListName tag(String tag) {
        String segment = TagSlugs.of(tag);
        return new ListName("tag:" + segment, tag, Kind.TAG, segment);
    }

    String partitionKey() {
        return "LIST#" + key;
    }

    /** The front page: {@code /}, {@code /city/} or {@code /tags/night-economy/}. */
    public String frontPath() {
        return switch (kind) {
            case HOME -> "/";
            case SECTION -> "/" + segment + "/";
            case TAG -> ArticlePaths.tagPath(segment);
        };
    }

    /** Archive page {@code number}, counted from the oldest stories: {@code /city/page/2/}. */
    public String archivePath(long number) {
        return ArticlePaths.archivePath(frontPath(), number);
    }

    /** Lists with their own RSS feed: the home page and each section. */
    public boolean hasFeed() {
        return kind != Kind.TAG;
    }

    public String feedPath() {
        return frontPath() + "feed.xml";
    }
}
