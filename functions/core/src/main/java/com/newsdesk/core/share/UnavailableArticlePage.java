package com.newsdesk.core.share;

import com.newsdesk.core.render.ArticleView.PageMeta;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.site.SiteSettings;
import java.util.List;

/**
 * The page a short link shows once its article is taken down (410). It names no article, since a withdrawn story's
 * headline should not live on at its old links, so it is the same for every code and rendered once.
 */
public final class UnavailableArticlePage {
    private static final String TITLE = "This article is no longer available";

    private final String html;

    public UnavailableArticlePage(SiteSettings site, ArticleViews views, PageRenderer renderer) {
        PageMeta meta = new PageMeta(site.language(), "auto", TITLE + " | " + site.name(), TITLE + ".",
                site.absolute("/"), false, "website", null, null, List.of(), views.siteView());
        this.html = renderer.unavailableArticle(meta);
    }

    public String html() {
        return html;
    }
}
