package com.newsdesk.core.listing;

import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.TagSlugs;

/**
 * One of the site's article lists: the home page, a section, a tag, or an author's stories. Each has a front page showing the newest
 * stories and archive pages numbered from the oldest, so that publishing a story never renumbers old pages.
 *
 * @param key the stable identity, e.g. {@code home}, {@code section:city}, {@code tag:night-economy}
 * @param title what readers see, e.g. the section's name or the tag itself
 */
public record ListName(String key, String title, Kind kind, String segment) {

    public enum Kind { HOME, SECTION, TAG, AUTHOR }

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

    /**
     * An author's stories, by the slug of their profile; the pages show the profile's name as it is when they are
     * rendered, so the title here is only the slug.
     */
    public static ListName author(String slug) {
        return new ListName("author:" + slug, slug, Kind.AUTHOR, slug);
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
            case AUTHOR -> ArticlePaths.authorPath(segment);
        };
    }

    /** Archive page {@code number}, counted from the oldest stories: {@code /city/page/2/}. */
    public String archivePath(long number) {
        return ArticlePaths.archivePath(frontPath(), number);
    }

    /** Lists with their own RSS feed: the home page, each section and each author. */
    public boolean hasFeed() {
        return kind != Kind.TAG;
    }

    public String feedPath() {
        return frontPath() + "feed.xml";
    }
}
