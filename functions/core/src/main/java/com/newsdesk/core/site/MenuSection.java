package com.newsdesk.core.site;

import com.newsdesk.core.article.ArticlePaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A section in the site's menu, shown in that order in every page's masthead and footer. */
public record MenuSection(String slug, String name) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /** The section's front page, {@code /city/}. */
    public String path() {
        return "/" + slug + "/";
    }

    /**
     * Reads {@code SITE_SECTIONS}: {@code slug:Name} pairs separated by commas, in menu order, e.g.
     * {@code news:News,city:City,business:Business}; empty for no menu. Refused at start, naming the pair, when a slug
     * is no section slug, is reserved by the site's own paths, appears twice, or has no name.
     */
    public static List<MenuSection> parse(String value) {
        List<MenuSection> sections = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (value == null || value.isBlank()) {
            return sections;
        }
        for (String pair : value.split(",")) {
            int colon = pair.indexOf(':');
            String slug = colon < 0 ? pair.strip() : pair.substring(0, colon).strip();
            String name = colon < 0 ? "" : pair.substring(colon + 1).strip();
            if (!SLUG.matcher(slug).matches() || ArticlePaths.RESERVED_SECTIONS.contains(slug) || name.isEmpty() || !seen.add(slug)) {
                throw new IllegalArgumentException("SITE_SECTIONS: '" + pair.strip() + "' must be slug:Name, with a section slug"
                        + " (lower-case letters, digits, hyphens; not one of the site's own paths), each slug once,"
                        + " e.g. news:News,city:City");
            }
            sections.add(new MenuSection(slug, name));
        }
        return List.copyOf(sections);
    }
}
