package com.newsdesk.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.publish.NotFoundPage;
import com.newsdesk.core.share.UnavailableArticlePage;
import com.newsdesk.core.site.MenuSection;
import com.newsdesk.core.site.SiteSettings;
import com.newsdesk.testing.Samples;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every page type carries the sections menu in its masthead and the menu and feeds in its footer. */
class SiteNavigationTest {
    private static final SiteSettings SITE = new SiteSettings("The Daily Brief", "https://news.example", "en", ZoneId.of("UTC"), "",
            MenuSection.parse("news:News,city:City & <Harbour>,business:Business"));

    private final ArticleViews views = new ArticleViews(SITE, new InlineMarkdown(), new StructuredData(SITE), new SiteAssets());
    private final PageRenderer renderer = new PageRenderer();

    @Test
    void everyPageType_showsTheSectionsInOrder_andTheFeeds() {
        Article article = new ArticleJson().readRequest(Samples.article("ukraine-peace-talks"));
        Instant now = Instant.parse("2025-08-20T09:30:00Z");
        Map<String, String> pages = Map.of(
                "article", renderer.article(views.build(Slug.of("ukraine-peace-talks"), article,
                        new ArticleViews.Context(now, null, List.of(), ShownComments.NONE, List.of(), false))),
                "404", new NotFoundPage(SITE, views, renderer).html(),
                "unavailable", new UnavailableArticlePage(SITE, views, renderer).html());

        pages.forEach((type, page) -> assertThat(page).as(type)
                .contains("<nav class=\"masthead__sections\" aria-label=\"Sections\">\n<ul><li><a href=\"/news/\">News</a></li>"
                        + "<li><a href=\"/city/\">City &amp; &lt;Harbour&gt;</a></li><li><a href=\"/business/\">Business</a></li></ul>")
                .contains("<nav aria-label=\"Sections (footer)\">")
                .contains("<li><a href=\"/feed.xml\" type=\"application/rss+xml\">The Daily Brief</a></li>"
                        + "<li><a href=\"/news/feed.xml\" type=\"application/rss+xml\">News</a></li>"));
    }

    @Test
    void aSiteWithoutMenu_showsNoEmptyNavigation_butStillItsFeed() {
        SiteSettings plain = new SiteSettings("The Daily Brief", "https://news.example", "en", ZoneId.of("UTC"), "");
        ArticleViews plainViews = new ArticleViews(plain, new InlineMarkdown(), new StructuredData(plain), new SiteAssets());

        String page = new NotFoundPage(plain, plainViews, renderer).html();

        assertThat(page).doesNotContain("masthead__sections", "Sections (footer)").contains("<a href=\"/feed.xml\"");
    }

    @Test
    void aChangedMenu_isANewRenderVersion_soTheSiteIsRenderedAgainAfterTheDeploy() {
        SiteSettings reordered = new SiteSettings("The Daily Brief", "https://news.example", "en", ZoneId.of("UTC"), "",
                MenuSection.parse("city:City & <Harbour>,news:News,business:Business"));

        assertThat(RenderVersion.of(SITE)).isEqualTo(RenderVersion.of(SITE)).isNotEqualTo(RenderVersion.of(reordered));
    }
}
