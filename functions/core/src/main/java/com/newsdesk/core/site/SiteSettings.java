package com.newsdesk.core.site;

import java.net.URI;
import java.time.ZoneId;

/**
 * Site-wide settings (template parameters in AWS, fixed values under {@code make run}).
 *
 * @param baseUrl absolute origin readers use, without a trailing slash, e.g. {@code https://news.example}
 * @param timeZone zone in which the newsroom shows dates and times to readers
 */
public record SiteSettings(String name, String baseUrl, String language, ZoneId timeZone, String logoUrl) {

    public SiteSettings {
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
                settings.get("SITE_LOGO_URL", ""));
    }

    /** The absolute URL of a public path such as {@code /city/slug/}. */
    public String absolute(String path) {
        return baseUrl + path;
    }
}
