package com.newsdesk.bench.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.testing.Samples;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.render.PublishedComment;
import com.newsdesk.core.render.ShownComments;
import com.newsdesk.core.share.ShareBar;
import com.newsdesk.core.render.ArticleView;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.InlineMarkdown;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.MenuSection;
import com.newsdesk.core.site.SiteSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** P1 compares like with like only while the hand-written page is the Pebble page, byte for byte. */
class HandWrittenArticlePageTest {
    private static final SiteSettings SITE = new SiteSettings("The <Daily> Brief", "https://news.example", "en",
            ZoneId.of("Europe/London"), "https://news.example/logo.svg", MenuSection.parse("news:News & <Views>,city:City"));
    private static final Instant PUBLISHED = Instant.parse("2025-08-20T09:30:00Z");

    private final PageRenderer pebble = new PageRenderer();
    private final ArticleViews views = new ArticleViews(SITE, new InlineMarkdown(), new StructuredData(SITE), new SiteAssets());

    private ArticleView view(byte[] json, List<PublishedComment> comments, boolean preview) {
        Article article = new ArticleJson().readRequest(json);
        Slug slug = Slug.of("a-story");
        return views.build(slug, article, new ArticleViews.Context(PUBLISHED, PUBLISHED.plusSeconds(60), List.of(), new ShownComments(comments, false),
                ShareBar.direct().links(slug, "https://news.example/city/a-story/", article.title()), preview));
    }

    @Test
    void seedPage_isByteIdenticalToThePebblePage() {
        ArticleView seed = SeedPage.view();

        assertThat(HandWrittenArticlePage.render(seed)).isEqualTo(pebble.article(seed));
    }

    @Test
    void everyBlockKind_figures_commentsWithReplies_andAPreview_areByteIdentical() throws Exception {
        List<PublishedComment> comments = List.of(
                new PublishedComment("c1", "Ann <O'Neil>", PUBLISHED.plusSeconds(600), "First & \"best\"\n\nSecond paragraph",
                        List.of(new PublishedComment("c2", "Bo", PUBLISHED.plusSeconds(900), "A reply https://example.org", List.of()))),
                new PublishedComment("c3", "Cy", PUBLISHED.plusSeconds(1200), "Plain", List.of()));
        ArticleView withComments = view(Samples.article("night-buses-return"), comments, false);
        ArticleView preview = view(Samples.article("ukraine-peace-talks"), List.of(), true);

        assertThat(HandWrittenArticlePage.render(withComments)).isEqualTo(pebble.article(withComments));
        assertThat(HandWrittenArticlePage.render(preview)).isEqualTo(pebble.article(preview));
    }

    @Test
    void closedComments_threeAuthors_noDekNoTagsNoImage_areByteIdentical() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode article = (ObjectNode) json.readTree(Samples.article("night-buses-return"));
        article.put("commentsEnabled", false);
        article.remove(List.of("dek", "tags", "image"));
        article.putArray("authors").add(json.createObjectNode().put("name", "A'dam")).add(json.createObjectNode().put("name", "Bea"))
                .add(json.createObjectNode().put("name", "Cai").put("role", "Editor"));
        ArticleView closed = view(json.writeValueAsBytes(article), List.of(), false);

        assertThat(HandWrittenArticlePage.render(closed)).isEqualTo(pebble.article(closed));
    }
}
