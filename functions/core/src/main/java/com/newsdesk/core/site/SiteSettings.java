package com.newsdesk.core.site;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * Site-wide settings (template parameters in AWS, fixed values under {@code make run}).
 *
 * @param baseUrl absolute origin readers use, without a trailing slash, e.g. {@code https://news.example}
 * @param timeZone zone in which the newsroom shows dates and times to readers
 * @param menu the sections every page's masthead and footer link to, in order
 */
public record SiteSettings(String name, String baseUrl, String language, ZoneId timeZone, String logoUrl, List<MenuSection> menu) {

    /** A site without a sections menu. */
    public SiteSettings(String name, String baseUrl, String language, ZoneId timeZone, String logoUrl) {
        this(name, baseUrl, language, timeZone, logoUrl, List.of());
    }

    public SiteSettings {
        menu = List.copyOf(menu);
        URI parsed = URI.create(baseUrl);
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            throw new IllegalArgumentException("SITE_BASE_URL must be an absolute http(s) URL");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static SiteSettings from(Settings settings) {
        return new SiteSettings(
                settings.get("SITE_NAME", "The Daily Brief"),
                settings.required("SITE_BASE_URL"),
                settings.get("SITE_LANGUAGE", "en"),
                ZoneId.of(settings.get("SITE_TIME_ZONE", "UTC")),
                settings.get("SITE_LOGO_URL", ""),
                MenuSection.parse(settings.get("SITE_SECTIONS", "")));
    }

    /**
     * What of these settings shows on every page (name, address, language, logo, menu): pages written under other
     * values differ from what this site renders, so a change re-renders the site, as new templates do.
     */
    public String pageFingerprint() {
        return String.join("\n", name, baseUrl, language, timeZone.getId(), logoUrl,
                menu.stream().map(section -> section.slug() + ":" + section.name()).reduce("", (a, b) -> a + "," + b));
    }

    /** The absolute URL of a public path such as {@code /city/slug/}. */
    public String absolute(String path) {
        return baseUrl + path;
    }
}
