package com.newsdesk.bench.page;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.render.ShownComments;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.share.ShareBar;
import com.newsdesk.core.render.ArticleView;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.InlineMarkdown;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.MenuSection;
import com.newsdesk.core.site.SiteSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The view of the seed article's page as publishing builds it: the sample the newsroom primes with, four related
 * stories, the share bar, an open comment form. Both P1 renderers render this one view.
 */
public final class SeedPage {
    private static final SiteSettings SITE = new SiteSettings("The Daily Brief", "https://news.example", "en", ZoneId.of("UTC"), "",
            MenuSection.parse("news:News,world:World,city:City,business:Business,culture:Culture"));
    private static final Instant PUBLISHED = Instant.parse("2025-08-20T09:30:00Z");

    private SeedPage() {}

    public static ArticleView view() {
        Article article;
        try (InputStream in = SeedPage.class.getResourceAsStream("/samples/ukraine-peace-talks.json")) {
            article = new ArticleJson().readRequest(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SiteAssets assets = new SiteAssets();
        ArticleViews views = new ArticleViews(SITE, new InlineMarkdown(), new StructuredData(SITE), assets);
        Slug slug = Slug.of("ukraine-peace-talks");
        List<ArticleView.TeaserView> related = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            related.add(views.teaser(new ListEntry(i, "related-" + i, "Related story " + i + ": talks & “guarantees”",
                    "What the summit could <change>.", ArticlePaths.articlePath("news", "related-" + i),
                    PUBLISHED.minusSeconds(3600L * i), PUBLISHED.minusSeconds(3600L * i), "Emma Walker", "News",
                    List.of("ukraine"), "en", null, null)));
        }
        String url = SITE.absolute(ArticlePaths.articlePath(article.section().slug(), slug.value()));
        return views.build(slug, article, new ArticleViews.Context(PUBLISHED, PUBLISHED.plusSeconds(5400), related, ShownComments.NONE,
                ShareBar.direct().links(slug, url, article.title()), false));
    }
}
