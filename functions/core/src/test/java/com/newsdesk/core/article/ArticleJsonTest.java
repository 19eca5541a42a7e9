package com.newsdesk.core.article;

import com.newsdesk.core.failure.MalformedJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsdesk.testing.Samples;
import com.newsdesk.core.failure.Violation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {
    private final ArticleJson json = new ArticleJson();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private InvalidArticle invalid(String body) {
        return (InvalidArticle) org.assertj.core.api.Assertions.catchThrowable(() -> json.readRequest(bytes(body)));
    }

    private static final String MINIMAL_BODY = "\"body\":[{\"type\":\"paragraph\",\"text\":\"Hello\"}]";
    private static final String HEAD = "\"title\":\"T\",\"section\":{\"slug\":\"news\",\"name\":\"News\"},\"authors\":[{\"name\":\"A\"}]";

    @Test
    void sampleArticles_areValid_withEveryBlockKind() {
        Article seed = json.readRequest(Samples.article("ukraine-peace-talks"));
        Article everyBlock = json.readRequest(Samples.article("night-buses-return"));

        assertThat(seed.title()).startsWith("Ukraine Security Guarantees");
        assertThat(everyBlock.body()).extracting(b -> b.getClass().getSimpleName())
                .contains("Paragraph", "Heading", "Callout", "Timeline", "Table", "Faq", "Quote", "ItemList", "ImageBlock", "Aside");
    }

    @Test
    void malformedJson_isMalformed_withWhere() {
        assertThatThrownBy(() -> json.readRequest(bytes("{\"title\": ")))
                .isInstanceOf(MalformedJson.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> json.readRequest(bytes("{} trailing")))
                .isInstanceOf(MalformedJson.class);
        assertThatThrownBy(() -> json.readRequest(new byte[0]))
                .isInstanceOf(MalformedJson.class).hasMessageContaining("no body");
    }

    @Test
    void nonUtf8Bytes_areMalformed() {
        byte[] latin1 = "{\"title\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> json.readRequest(latin1)).isInstanceOf(MalformedJson.class).hasMessageContaining("UTF-8");
    }

    @Test
    void deeplyNestedJson_isMalformed_notAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> json.readRequest(bytes(deep)))
                .isInstanceOf(MalformedJson.class).hasMessageContaining("nests deeper");
    }

    @Test
    void duplicateKeys_areMalformed() {
        assertThatThrownBy(() -> json.readRequest(bytes("{\"title\":\"a\",\"title\":\"b\"}"))).isInstanceOf(MalformedJson.class);
    }

    @Test
    void image_namesALibraryPhotoOrAnAddress_notBoth_andNoSizeOfItsOwnForAPhoto() {
        String head = "{\"title\":\"T\",\"section\":{\"slug\":\"city\",\"name\":\"City\"},\"authors\":[{\"name\":\"A\"}],";
        String body = "\"body\":[{\"type\":\"image\",\"image\":%s}]}";
        Article fromLibrary = json.readRequest(bytes(head + body.formatted("{\"media\":\"k3v9q2m7x1c8b4n6z0pa\",\"alt\":\"A bus\"}")));
        Article atAddress = json.readRequest(bytes(head + body.formatted("{\"src\":\"https://img.example/a.jpg\",\"alt\":\"A bus\",\"width\":800}")));

        assertThat(((Block.ImageBlock) fromLibrary.body().get(0)).image().media()).isEqualTo("k3v9q2m7x1c8b4n6z0pa");
        assertThat(((Block.ImageBlock) atAddress.body().get(0)).image().fromLibrary()).isFalse();
        for (String image : List.of("{\"media\":\"k3v9q2m7x1c8b4n6z0pa\",\"src\":\"https://img.example/a.jpg\",\"alt\":\"A\"}",
                "{\"media\":\"k3v9q2m7x1c8b4n6z0pa\",\"alt\":\"A\",\"width\":800}", "{\"alt\":\"A\"}",
                "{\"media\":\"../etc/passwd\",\"alt\":\"A\"}")) {
            assertThat(invalid(head + body.formatted(image)).violations()).as(image)
                    .anySatisfy(v -> assertThat(v.pointer()).startsWith("/body/0/image"))
                    .noneSatisfy(v -> assertThat(v.message()).contains("schema"));
        }
    }

    @Test
    void everySchemaViolation_isListed_withPointers() {
        InvalidArticle failure = invalid("{\"title\":\"\",\"section\":{\"slug\":\"Not A Slug\",\"name\":\"N\"},"
                + "\"authors\":[],\"body\":[{\"type\":\"paragraph\"}],\"extra\":1}");

        assertThat(failure.violations()).extracting(Violation::pointer)
                .contains("/title", "/section/slug", "/authors", "/body/0", "");
        assertThat(failure.violations()).anySatisfy(v -> assertThat(v.message()).contains("extra"));
    }

    @Test
    void aReaderOfStoredArticles_stillValidatesARequest_withTheSchemaCompiledOnFirstUse() {
        ArticleJson stored = new ArticleJson();

        assertThatThrownBy(() -> stored.readRequest(bytes("{\"title\":\"\",\"section\":{\"slug\":\"news\",\"name\":\"News\"},"
                + "\"authors\":[{\"name\":\"A\"}]," + MINIMAL_BODY + "}")))
                .isInstanceOfSatisfying(InvalidArticle.class, e -> assertThat(e.violations()).extracting(Violation::pointer).contains("/title"));
        assertThat(stored.readStored(Samples.article("night-buses-return")).title()).isNotBlank();
    }

    @Test
    void aBadBlock_reportsOnlyItsOwnKindsRules() {
        InvalidArticle failure = invalid("{" + HEAD + ",\"body\":[{\"type\":\"callout\",\"variant\":\"shout\",\"text\":\"x\"}]}");

        assertThat(failure.violations()).hasSize(1);
        assertThat(failure.violations().get(0).pointer()).isEqualTo("/body/0/variant");
    }

    @Test
    void unknownBlockType_isNamed() {
        InvalidArticle failure = invalid("{" + HEAD + ",\"body\":[{\"type\":\"video\",\"src\":\"x\"}]}");

        assertThat(failure.violations()).anySatisfy(v -> assertThat(v.pointer()).isEqualTo("/body/0/type"));
    }

    @Test
    void schemaAndRuleViolations_areReportedTogether() {
        InvalidArticle failure = invalid("{\"title\":\"\",\"section\":{\"slug\":\"news\",\"name\":\"N\"},\"authors\":[{\"name\":\"A\"}],"
                + "\"body\":[{\"type\":\"callout\",\"variant\":\"note\",\"text\":\"\"},"
                + "{\"type\":\"timeline\",\"events\":[{\"date\":\"2025-02-30\",\"text\":\"x\"}]}],\"extra\":1}");

        assertThat(failure.violations()).extracting(Violation::pointer)
                .containsExactlyInAnyOrder("/title", "/body/0/text", "", "/body/1/events/0/date");
    }

    @Test
    void impossibleTimelineDate_isRejected() {
        InvalidArticle failure = invalid("{" + HEAD + ",\"body\":[{\"type\":\"timeline\",\"events\":["
                + "{\"date\":\"2025-02-30\",\"text\":\"a\"},{\"date\":\"2025-13\",\"text\":\"b\"},{\"date\":\"2024-02-29\",\"text\":\"c\"}]}]}");

        assertThat(failure.violations()).extracting(Violation::pointer)
                .containsExactly("/body/0/events/0/date", "/body/0/events/1/date");
    }

    @Test
    void sectionsNamedLikeTheSitesOwnPaths_areRefused() {
        for (String reserved : new String[] {"api", "s", "assets", "page", "tags", "sitemaps"}) {
            InvalidArticle failure = invalid("{\"title\":\"T\",\"section\":{\"slug\":\"" + reserved
                    + "\",\"name\":\"X\"},\"authors\":[{\"name\":\"A\"}]," + MINIMAL_BODY + "}");

            assertThat(failure.violations()).extracting(Violation::pointer).containsExactly("/section/slug");
            assertThat(failure.violations().get(0).message()).contains("site's own paths").contains(reserved);
        }
        assertThat(json.readRequest(bytes("{\"title\":\"T\",\"section\":{\"slug\":\"apis\",\"name\":\"X\"},"
                + "\"authors\":[{\"name\":\"A\"}]," + MINIMAL_BODY + "}")).section().slug()).isEqualTo("apis");
    }

    @Test
    void tagsSharingOneTagPage_areRefused() {
        InvalidArticle failure = invalid("{" + HEAD + "," + MINIMAL_BODY
                + ",\"tags\":[\"Night Economy\",\"transport\",\"night economy\",\"night/economy\"]}");

        assertThat(failure.violations()).extracting(Violation::pointer).containsExactly("/tags/2", "/tags/3");
        assertThat(failure.violations().get(0).message()).contains("/tags/0");
    }

    @Test
    void citationsAndQuoteReferences_mustNameAReference() {
        InvalidArticle failure = invalid("{" + HEAD + ",\"body\":["
                + "{\"type\":\"paragraph\",\"text\":\"As reported [[1]] and [[2]].\"},"
                + "{\"type\":\"quote\",\"text\":\"q\",\"reference\":\"nope\"}],"
                + "\"references\":[{\"id\":\"1\",\"title\":\"One\"}]}");

        assertThat(failure.violations()).extracting(Violation::pointer).containsExactly("/body/0/text", "/body/1/reference");
        assertThat(failure.violations().get(0).message()).contains("[[2]]");
    }

    @Test
    void javascriptUrlInReference_isASchemaViolation() {
        InvalidArticle failure = invalid("{" + HEAD + "," + MINIMAL_BODY
                + ",\"references\":[{\"id\":\"1\",\"title\":\"x\",\"url\":\"javascript:alert(1)\"}]}");

        assertThat(failure.violations()).extracting(Violation::pointer).containsExactly("/references/0/url");
    }

    @Test
    void controlCharacters_areRefused_whereTheyEnter() {
        InvalidArticle failure = invalid("{" + HEAD + ",\"body\":[{\"type\":\"paragraph\",\"text\":\"bell\\u0007\"}]}");

        assertThat(failure.violations()).extracting(Violation::pointer).containsExactly("/body/0/text");
    }

    @Test
    void minimalArticle_defaults() {
        Article article = json.readRequest(bytes("{" + HEAD + "," + MINIMAL_BODY + "}"));

        assertThat(article.languageTag()).isEqualTo("en");
        assertThat(article.acceptsComments()).isTrue();
        assertThat(article.tags()).isEmpty();
    }

    @Test
    void storedForm_roundTrips() {
        Article article = json.readRequest(Samples.article("night-buses-return"));

        assertThat(json.readStored(json.write(article))).isEqualTo(article);
    }
}
