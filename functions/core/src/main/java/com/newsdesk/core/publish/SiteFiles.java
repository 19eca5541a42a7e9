package com.newsdesk.core.publish;

import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.NoticeView;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.SiteIcons;
import com.newsdesk.core.site.SiteSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What every page needs in the bucket besides pages: the fingerprinted assets, the site's icons and the 404 page that the CDN shows
 * for a missing key. Publishing and the bulk rebuild both write them through here, so both write the same bytes.
 */
public final class SiteFiles {
    /** Where the site's 404 page lives, as {@code /404.html}; see {@link NotFoundPage}. */
    public static final String NOT_FOUND_KEY = "404.html";
    static final String NOT_FOUND_CACHE_CONTROL = "public, max-age=300, s-maxage=600";
    private static final String HTML = "text/html; charset=utf-8";

    private final SiteAssets assets;
    private final PageRenderer renderer;
    private final ArticleViews views;
    private final SiteSettings site;
    /** Rendered at the first publish, not at start: most requests never need it. */
    private volatile byte[] notFoundPage;
    /** Drawn at the first publish, as the 404 page. */
    private volatile SiteIcons icons;

    public SiteFiles(SiteAssets assets, PageRenderer renderer, ArticleViews views, SiteSettings site) {
        this.assets = assets;
        this.renderer = renderer;
        this.views = views;
        this.site = site;
    }

    private byte[] notFoundPage() {
        if (notFoundPage != null) {
            return notFoundPage;
        }
        notFoundPage = new NotFoundPage(site, views, renderer).html().getBytes(StandardCharsets.UTF_8);
        return notFoundPage;
    }

    /** Writes what differs from the bucket's copy; returns the public paths written. */
    public List<String> writeTo(SiteBucket bucket) {
        List<String> changed = new ArrayList<>();
        for (SiteAssets.Asset asset : assets.all()) {
            if (bucket.put(asset.key(), asset.bytes(), asset.contentType(), SiteAssets.IMMUTABLE)) {
                changed.add(asset.path());
            }
        }
        if (icons == null) {
            icons = new SiteIcons(site.iconColour());
        }
        for (SiteAssets.Asset icon : icons.all()) {
            if (bucket.put(icon.key(), icon.bytes(), icon.contentType(), SiteIcons.CACHE_CONTROL)) {
                changed.add(icon.path());
            }
        }
        if (bucket.put(NOT_FOUND_KEY, notFoundPage(), HTML, NOT_FOUND_CACHE_CONTROL)) {
            changed.add("/" + NOT_FOUND_KEY);
        }
        return changed;
    }
}
