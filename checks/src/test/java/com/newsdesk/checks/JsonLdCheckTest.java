package com.newsdesk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.Block;
import com.newsdesk.core.article.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON-LD rules on small pages, without a site behind them. */
class JsonLdCheckTest {
    private static final String COMPLETE = """
            {"@type":"NewsArticle","headline":"Night buses return","datePublished":"2025-11-28T06:30:00Z",
             "dateModified":"2025-11-28T07:00:00Z","author":[{"@type":"Person","name":"Priya Sharma"}],
             "publisher":{"@type":"Organization","name":"The Daily Brief"},"image":["https://images.example.org/bus.jpg"]}""";

    private final JsonLdCheck check = new JsonLdCheck();

    private static String page(String jsonLd) {
        return "<!DOCTYPE html><html lang=\"en\"><head><title>t</title><script type=\"application/ld+json\">" + jsonLd
                + "</script></head><body></body></html>";
    }

    private static String graph(String... nodes) {
        return "{\"@context\":\"https://schema.org\",\"@graph\":[" + String.join(",", nodes) + "]}";
    }

    private static Article article(String title, Image image) {
        return new Article(title, null, new Article.Section("city", "City"), List.of(new Article.Author("Priya Sharma", null)),
                null, null, null, image, null, List.of(new Block.Paragraph("Text.")), null, null, null);
    }

    @Test
    void completeNewsArticle_inAGraph_passes() {
        assertThat(check.problems(page(graph(COMPLETE)),
                article("Night buses return", new Image("https://images.example.org/bus.jpg", "A bus", null, null, null, null))))
                .isEmpty();
    }

    @Test
    void newsArticleWithoutPublisherOrAuthors_isReported() {
        String incomplete = COMPLETE.replace("\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Daily Brief\"},", "")
                .replace("[{\"@type\":\"Person\",\"name\":\"Priya Sharma\"}]", "[]");

        assertThat(check.problems(page(graph(incomplete)), null))
                .containsExactly("NewsArticle has no author", "NewsArticle has no publisher");
    }

    @Test
    void articleWithAnImage_whoseNewsArticleHasNone_isReported() {
        String withoutImage = COMPLETE.replace(",\"image\":[\"https://images.example.org/bus.jpg\"]", "");

        assertThat(check.problems(page(graph(withoutImage)),
                article("Night buses return", new Image("https://images.example.org/bus.jpg", "A bus", null, null, null, null))))
                .containsExactly("NewsArticle image does not name the article's image https://images.example.org/bus.jpg: ");
    }

    @Test
    void articlePage_whoseHeadlineIsNotTheTitle_isReported() {
        assertThat(check.problems(page(graph(COMPLETE)), article("Night buses <em>return</em>", null)))
                .containsExactly("NewsArticle headline \"Night buses return\" is not the article's title \"Night buses <em>return</em>\"");
    }

    @Test
    void dateWithoutAnOffset_isReported() {
        assertThat(check.problems(page(graph(COMPLETE.replace("2025-11-28T06:30:00Z", "2025-11-28 06:30"))), null))
                .containsExactly("NewsArticle datePublished \"2025-11-28 06:30\" is not an ISO 8601 date and time with offset");
    }

    @Test
    void blockWithoutContext_orThatDoesNotParse_isReported() {
        assertThat(check.problems(page("{\"@type\":\"Organization\",\"name\":\"The Daily Brief\"}"), null))
                .containsExactly("a JSON-LD block has no schema.org @context: ");
        assertThat(check.problems(page("{\"@context\":\"https://schema.org\",}"), null))
                .singleElement().asString().startsWith("a JSON-LD block does not parse: ");
    }

    @Test
    void articlePage_withoutJsonLd_isReported() {
        assertThat(check.problems("<!DOCTYPE html><html><head><title>t</title></head></html>", article("Night buses return", null)))
                .containsExactly("the page of an article must describe it in exactly one NewsArticle; found 0");
    }
}
