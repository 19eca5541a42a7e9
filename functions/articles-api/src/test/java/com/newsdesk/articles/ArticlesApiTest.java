package com.newsdesk.articles;

import static com.newsdesk.articles.EditorApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** The editors' routes of the HTTP contract, end to end against the real local DynamoDB and S3 servers. */
class ArticlesApiTest {
    private final EditorApi api = new EditorApi();
    private final byte[] seed = Samples.article("ukraine-peace-talks");
    private final byte[] everyBlock = Samples.article("night-buses-return");

    private static byte[] edit(byte[] article, String field, String value) throws Exception {
        ObjectNode node = (ObjectNode) EditorApi.JSON.readTree(article);
        node.put(field, value);
        return EditorApi.JSON.writeValueAsBytes(node);
    }

    private ResponseBytes<GetObjectResponse> object(String key) {
        return api.servers.s3().getObjectAsBytes(b -> b.bucket(api.bucket).key(key));
    }

    @Test
    void putNewArticle_creates_version1_withETag() {
        HttpResponse created = api.put("night-buses-return", everyBlock, null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("etag")).isEqualTo("\"1\"");
        assertThat(created.json().get("status").asText()).isEqualTo("draft");

        HttpResponse read = api.get("night-buses-return");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("title").asText()).startsWith("Night buses return");
        assertThat(read.json().get("version").asInt()).isEqualTo(1);
        assertThat(read.json().has("createdAt")).isTrue();
        assertThat(read.json().has("url")).isFalse();
    }

    @Test
    void updateWithCurrentVersion_succeeds_andWithStaleVersion_gets412_andWithout_gets428() throws Exception {
        api.put("night-buses-return", everyBlock, null);

        HttpResponse updated = api.put("night-buses-return", edit(everyBlock, "dek", "Seven routes now."), "\"1\"");
        HttpResponse stale = api.put("night-buses-return", edit(everyBlock, "dek", "Lost edit"), "\"1\"");
        HttpResponse blind = api.put("night-buses-return", edit(everyBlock, "dek", "Blind edit"), null);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("etag")).isEqualTo("\"2\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("content-type")).startsWith("application/problem+json");
        assertThat(blind.status()).isEqualTo(428);
        assertThat(api.get("night-buses-return").json().get("dek").asText()).isEqualTo("Seven routes now.");
    }

    @Test
    void ifMatch_namingNoCurrentVersion_gets412_star_matchesAny_andAMalformedOne_gets400() throws Exception {
        api.put("night-buses-return", everyBlock, null);

        HttpResponse opaque = api.put("night-buses-return", edit(everyBlock, "dek", "Opaque tag"), "\"abc\"");
        HttpResponse weak = api.put("night-buses-return", edit(everyBlock, "dek", "Weak tag"), "W/\"x\"");
        HttpResponse list = api.put("night-buses-return", edit(everyBlock, "dek", "Listed"), "\"7\", \"1\"");
        HttpResponse star = api.put("night-buses-return", edit(everyBlock, "dek", "Any version"), "*");
        HttpResponse malformed = api.put("night-buses-return", edit(everyBlock, "dek", "Bare"), "3");
        HttpResponse starOnNothing = api.put("no-such-article", everyBlock, "*");

        assertThat(opaque.status()).isEqualTo(412);
        assertThat(opaque.header("content-type")).startsWith("application/problem+json");
        assertThat(weak.status()).isEqualTo(412);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("etag")).isEqualTo("\"2\"");
        assertThat(star.status()).isEqualTo(200);
        assertThat(star.header("etag")).isEqualTo("\"3\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(starOnNothing.status()).isEqualTo(404);
        assertThat(api.get("night-buses-return").json().get("dek").asText()).isEqualTo("Any version");
    }

    @Test
    void theSitesOwnPaths_cannotBeTakenBySectionsOrArticles() throws Exception {
        ObjectNode inApiSection = (ObjectNode) EditorApi.JSON.readTree(everyBlock);
        inApiSection.putObject("section").put("slug", "api").put("name", "API");

        HttpResponse section = api.put("night-buses-return", EditorApi.JSON.writeValueAsBytes(inApiSection), null);
        HttpResponse article = api.put("page", everyBlock, null);

        assertThat(section.status()).isEqualTo(422);
        assertThat(section.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/section/slug");
        assertThat(article.status()).isEqualTo(400);
        assertThat(article.json().get("detail").asText()).contains("page");
        assertThat(api.get("night-buses-return").status()).isEqualTo(404);
        assertThat(api.get("page").status()).isEqualTo(404);
    }

    @Test
    void aMovedStory_leavesARedirectAtEveryOldAddress_andAllOfThemAnswerGoneOnceTakenDown() throws Exception {
        api.put("night-buses-return", everyBlock, null);
        api.post("night-buses-return", "publish");
        ObjectNode moved = (ObjectNode) EditorApi.JSON.readTree(everyBlock);
        moved.putObject("section").put("slug", "world").put("name", "World");
        api.put("night-buses-return", EditorApi.JSON.writeValueAsBytes(moved), "\"1\"");

        HttpResponse toWorld = api.post("night-buses-return", "publish");

        assertThat(toWorld.json().get("url").asText()).isEqualTo("https://news.example/world/night-buses-return/");
        assertThat(toWorld.json().get("changedPaths").toString()).contains("/city/night-buses-return/");
        assertThat(object("city/night-buses-return/index.html").response().metadata())
                .containsEntry("redirect", "/world/night-buses-return/").doesNotContainKey("gone");
        assertThat(object("world/night-buses-return/index.html").asUtf8String()).contains("Night buses return");

        moved.putObject("section").put("slug", "business").put("name", "Business");
        api.put("night-buses-return", EditorApi.JSON.writeValueAsBytes(moved), "\"2\"");
        api.post("night-buses-return", "publish");
        api.put("night-buses-return", EditorApi.JSON.writeValueAsBytes(moved), "\"3\"");

        assertThat(object("city/night-buses-return/index.html").response().metadata())
                .containsEntry("redirect", "/business/night-buses-return/");
        assertThat(object("world/night-buses-return/index.html").response().metadata())
                .containsEntry("redirect", "/business/night-buses-return/");

        HttpResponse down = api.post("night-buses-return", "unpublish");

        assertThat(down.json().get("changedPaths").toString()).contains("/city/night-buses-return/",
                "/world/night-buses-return/", "/business/night-buses-return/");
        for (String section : List.of("city", "world", "business")) {
            ResponseBytes<GetObjectResponse> gone = object(section + "/night-buses-return/index.html");
            assertThat(gone.response().metadata()).containsEntry("gone", "true").doesNotContainKey("redirect");
            assertThat(gone.asUtf8String()).doesNotContain("Night buses return");
        }

        moved.putObject("section").put("slug", "city").put("name", "City");
        api.put("night-buses-return", EditorApi.JSON.writeValueAsBytes(moved), "\"4\"");
        api.post("night-buses-return", "publish");

        assertThat(object("city/night-buses-return/index.html").response().metadata())
                .doesNotContainKeys("redirect", "gone");
        assertThat(object("business/night-buses-return/index.html").response().metadata())
                .containsEntry("redirect", "/city/night-buses-return/");
    }

    @Test
    void publish_writesThePage_withContentTypeCacheControlAndHash_andRepeatingItWritesNothing() {
        api.put("ukraine-peace-talks", seed, null);

        HttpResponse published = api.post("ukraine-peace-talks", "publish");

        assertThat(published.status()).isEqualTo(200);
        JsonNode body = published.json();
        assertThat(body.get("url").asText()).isEqualTo("https://news.example/news/ukraine-peace-talks/");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("changedPaths").toString()).contains("/news/ukraine-peace-talks/");
        ResponseBytes<GetObjectResponse> page = object("news/ukraine-peace-talks/index.html");
        assertThat(page.response().contentType()).isEqualToIgnoringWhitespace("text/html; charset=utf-8");
        assertThat(page.response().cacheControl()).contains("s-maxage");
        assertThat(page.response().metadata()).containsKey("content-sha256");
        assertThat(page.asUtf8String()).contains("<h1 class=\"article__headline\">Ukraine Security Guarantees");

        HttpResponse again = api.post("ukraine-peace-talks", "publish");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("changedPaths")).isEmpty();
        assertThat(again.json().get("publishedAt").asText()).isEqualTo(body.get("publishedAt").asText());
        assertThat(object("news/ukraine-peace-talks/index.html").response().lastModified())
                .isEqualTo(page.response().lastModified());
    }

    @Test
    void republishAfterCorrection_keepsPublishedAt_setsModifiedAt_andShowsTheUpdate() throws Exception {
        api.put("ukraine-peace-talks", seed, null);
        JsonNode first = api.post("ukraine-peace-talks", "publish").json();
        api.put("ukraine-peace-talks", edit(seed, "dek", "Corrected standfirst"), "\"1\"");

        JsonNode second = api.post("ukraine-peace-talks", "publish").json();

        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("publishedAt").asText()).isEqualTo(first.get("publishedAt").asText());
        assertThat(second.get("modifiedAt").asText()).isGreaterThan(first.get("publishedAt").asText());
        String page = object("news/ukraine-peace-talks/index.html").asUtf8String();
        assertThat(page).contains("Corrected standfirst", "\"dateModified\":\"" + second.get("modifiedAt").asText() + "\"");
    }

    @Test
    void unpublish_leavesTheGonePageAtItsAddress_keepsTheArticle() {
        api.put("ukraine-peace-talks", seed, null);
        api.post("ukraine-peace-talks", "publish");

        HttpResponse response = api.post("ukraine-peace-talks", "unpublish");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("unpublished");
        assertThat(api.get("ukraine-peace-talks").json().get("status").asText()).isEqualTo("unpublished");
        // the CDN answers an object marked gone with 410: the old address says the story was withdrawn
        ResponseBytes<GetObjectResponse> gone = object("news/ukraine-peace-talks/index.html");
        assertThat(gone.response().metadata()).containsEntry("gone", "true");
        assertThat(gone.asUtf8String()).contains("This article is no longer available").doesNotContain("Ukraine");
        assertThat(api.post("ukraine-peace-talks", "unpublish").status()).isEqualTo(200);
    }

    @Test
    void preview_rendersTheDraft_withoutStoringAnything() throws Exception {
        api.put("ukraine-peace-talks", seed, null);
        api.post("ukraine-peace-talks", "publish");
        api.put("ukraine-peace-talks", edit(seed, "title", "Draft headline not yet live"), "\"1\"");

        HttpResponse preview = api.send(request("GET", "/api/articles/{slug}/preview", "ukraine-peace-talks"));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(preview.body()).contains("Draft headline not yet live", "noindex");
        assertThat(object("news/ukraine-peace-talks/index.html").asUtf8String()).doesNotContain("Draft headline not yet live");
    }

    @Test
    void pinnedRelatedArticles_showWhenLive_andAreSkippedOtherwise() {
        api.put("night-buses-return", everyBlock, null);
        api.post("night-buses-return", "publish");
        assertThat(object("city/night-buses-return/index.html").asUtf8String()).doesNotContain("You may also like");

        api.put("ukraine-peace-talks", seed, null);
        api.post("ukraine-peace-talks", "publish");
        api.put("night-buses-return", everyBlock, "\"1\"");
        api.post("night-buses-return", "publish");

        assertThat(object("city/night-buses-return/index.html").asUtf8String())
                .contains("You may also like", "<a class=\"teaser__link\" href=\"/news/ukraine-peace-talks/\">");
    }

    @Test
    void list_isNewestFirst_filtersByStatusAndSection_andPagesWithACursor() throws Exception {
        for (int i = 0; i < 5; i++) {
            api.put("city-story-" + i, everyBlock, null);
        }
        api.put("ukraine-peace-talks", seed, null);
        api.post("ukraine-peace-talks", "publish");

        JsonNode firstPage = api.send(request("GET", "/api/articles", null).query(Map.of("section", "city", "limit", "2"))).json();
        JsonNode secondPage = api.send(request("GET", "/api/articles", null)
                .query(Map.of("section", "city", "limit", "2", "cursor", firstPage.get("nextCursor").asText()))).json();
        JsonNode published = api.send(request("GET", "/api/articles", null).query(Map.of("status", "published"))).json();
        JsonNode all = api.send(request("GET", "/api/articles", null)).json();

        assertThat(firstPage.get("items")).extracting(n -> n.get("slug").asText()).containsExactly("city-story-4", "city-story-3");
        assertThat(secondPage.get("items")).extracting(n -> n.get("slug").asText()).containsExactly("city-story-2", "city-story-1");
        assertThat(published.get("items")).extracting(n -> n.get("slug").asText()).containsExactly("ukraine-peace-talks");
        assertThat(all.get("items")).hasSize(6);
        assertThat(all.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void editorRoutes_needAnEditor() {
        HttpResponse anonymous = api.send(request("GET", "/api/articles/{slug}", "x").claims(null));
        HttpResponse reader = api.send(request("GET", "/api/articles/{slug}", "x").claims(Map.of("sub", "r", "cognito:groups", "[readers]")));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void badInput_getsAClearProblem_andChangesNothingStored() throws Exception {
        api.put("night-buses-return", everyBlock, null);
        List<HttpResponse> refused = new ArrayList<>();

        refused.add(api.put("night-buses-return", "{\"title\": ".getBytes(StandardCharsets.UTF_8), "\"1\""));
        refused.add(api.put("night-buses-return", new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "\"1\""));
        refused.add(api.put("night-buses-return", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8), "\"1\""));
        refused.add(api.put("night-buses-return", new byte[300 * 1024], "\"1\""));
        refused.add(api.send(request("PUT", "/api/articles/{slug}", "night-buses-return").header("if-match", "\"1\"")
                .body("text/plain", new String(everyBlock, StandardCharsets.UTF_8))));
        refused.add(api.put("night-buses-return", edit(everyBlock, "unknownField", "x"), "\"1\""));
        refused.add(api.put("../etc", everyBlock, null));
        refused.add(api.get("no-such-article"));
        refused.add(api.put("night-buses-return", everyBlock, "banana"));
        refused.add(api.send(request("GET", "/api/articles", null).query(Map.of("limit", "0"))));
        refused.add(api.send(request("GET", "/api/articles", null).query(Map.of("status", "deleted"))));
        refused.add(api.send(request("GET", "/api/articles", null).query(Map.of("cursor", "not-a-cursor"))));

        assertThat(refused).extracting(HttpResponse::status).containsExactly(400, 400, 400, 413, 415, 422, 400, 404, 400, 400, 400, 400);
        for (HttpResponse response : refused) {
            assertThat(response.header("content-type")).isEqualTo("application/problem+json; charset=utf-8");
            JsonNode problem = response.json();
            assertThat(problem.get("status").asInt()).isEqualTo(response.status());
            assertThat(problem.get("title").asText()).isNotBlank();
            assertThat(problem.get("detail").asText()).isNotBlank();
            assertThat(response.body()).doesNotContainPattern("(?i)exception|java\\.|software\\.amazon|\\tat ");
        }
        assertThat(refused.get(5).json().get("errors").get(0).get("pointer").asText()).isEqualTo("");
        JsonNode stored = api.get("night-buses-return").json();
        assertThat(stored.get("version").asInt()).isEqualTo(1);
        assertThat(stored.get("title").asText()).startsWith("Night buses return");
    }

    @Test
    void schemaViolations_areAllListedWithPointers() {
        String body = "{\"title\":\"\",\"section\":{\"slug\":\"City\",\"name\":\"City\"},\"authors\":[],"
                + "\"body\":[{\"type\":\"timeline\",\"events\":[{\"date\":\"2025-02-30\",\"text\":\"x\"}]}]}";

        HttpResponse response = api.put("bad", body.getBytes(StandardCharsets.UTF_8), null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).extracting(e -> e.get("pointer").asText())
                .contains("/title", "/section/slug", "/authors");
        assertThat(api.get("bad").status()).isEqualTo(404);
    }
}
