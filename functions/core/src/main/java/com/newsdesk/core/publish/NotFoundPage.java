package com.newsdesk.core.publish;

import com.newsdesk.core.render.ArticleView.Crumb;
import com.newsdesk.core.render.ArticleView.PageMeta;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.NoticeView;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.site.SiteSettings;
import java.util.List;

/**
 * The site's 404 page, in its layout: what the publisher writes to {@code /404.html}, and what the HTTP API's
 * catch-all route answers when the CDN's origin group fails over from a key the bucket lacks. Both render it here,
 * so a reader sees the same page either way.
 */
public final class NotFoundPage {
    private static final String HEADING = "Page not found";

    private final String html;

    public NotFoundPage(SiteSettings site, ArticleViews views, PageRenderer renderer) {
        PageMeta meta = new PageMeta(site.language(), "ltr", HEADING + " | " + site.name(), HEADING, site.absolute("/"),
                false, "website", null, null, List.of(), views.siteView());
        this.html = renderer.readerNotice(new NoticeView(meta, HEADING,
                List.of("There is nothing at this address. The link may be mistyped, or the page may have moved."),
                List.of(), null, new Crumb("Go to the front page", "/")));
    }

    public String html() {
        return html;
    }
}
