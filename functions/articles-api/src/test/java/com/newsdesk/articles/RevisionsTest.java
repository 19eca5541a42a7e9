package com.newsdesk.articles;

import static com.newsdesk.articles.EditorApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonpatch.JsonPatch;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.SavedBy;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.store.DynamoArticleStore;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every saved version is kept: listed newest first, read, compared as a JSON Patch, and restored as a new one. */
class RevisionsTest {
    private static final String SLUG = "night-buses-return";
    private final EditorApi api = new EditorApi();
    private final byte[] article = Samples.article(SLUG);

    private byte[] edited(Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode) EditorApi.JSON.readTree(article);
            edit.accept(node);
            return EditorApi.JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version 1 as sent, 2 with a new title (by a writer), 3 with the second block's text changed too. */
    private void threeSaves() {
        api.put(SLUG, article, null);
        api.send(request("PUT", "/api/articles/{slug}", SLUG).writer().json(edited(a -> a.put("title", "Night buses are back")))
                .header("if-match", "\"1\""));
        api.put(SLUG, edited(a -> {
            a.put("title", "Night buses are back");
            ((ObjectNode) a.withArray("body").get(1)).put("text", "Seven routes run all night.");
        }), "\"2\"");
    }

    private HttpResponse revisions(Map<String, String> query) {
        return api.send(request("GET", "/api/articles/{slug}/revisions", SLUG).query(query));
    }

    private HttpResponse revision(String version) {
        return api.send(request("GET", "/api/articles/{slug}/revisions/{version}", SLUG).path("version", version));
    }

    private HttpResponse diff(String version, String from) {
        HttpApiEvent diff = request("GET", "/api/articles/{slug}/revisions/{version}/diff", SLUG).path("version", version);
        return api.send(from == null ? diff : diff.query("from", from));
    }

    private HttpResponse restore(String version, String ifMatch) {
        HttpApiEvent restore = request("POST", "/api/articles/{slug}/revisions/{version}/restore", SLUG).path("version", version);
        return api.send(ifMatch == null ? restore : restore.header("if-match", ifMatch));
    }

    private static List<Integer> versions(JsonNode page) {
        List<Integer> versions = new ArrayList<>();
        page.get("items").forEach(item -> versions.add(item.get("version").asInt()));
        return versions;
    }

    @Test
    void threeSaves_areThreeRevisions_newestFirst_withWhoWhenAndWhatChanged_pageByPage() {
        threeSaves();

        JsonNode first = revisions(Map.of("limit", "2")).json();
        JsonNode second = revisions(Map.of("limit", "2", "cursor", first.get("nextCursor").asText())).json();

        assertThat(versions(first)).containsExactly(3, 2);
        assertThat(versions(second)).containsExactly(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        JsonNode newest = first.get("items").get(0);
        JsonNode byWriter = first.get("items").get(1);
        assertThat(newest.get("summary").asText()).isEqualTo("Changed block 2");
        assertThat(newest.get("savedBy").get("sub").asText()).isEqualTo("editor-1");
        assertThat(newest.has("savedAt")).isTrue();
        assertThat(byWriter.get("summary").asText()).isEqualTo("Changed title");
        assertThat(byWriter.get("savedBy").get("name").asText()).isEqualTo("writer@news.example");
        assertThat(second.get("items").get(0).get("summary").asText()).isEqualTo("Created");
        assertThat(revision("2").json().get("article").get("title").asText()).isEqualTo("Night buses are back");
        assertThat(revision("1").json().get("article").get("title").asText()).startsWith("Night buses return");
    }

    @Test
    void theDiff_isTheJsonPatchFromOneVersionToTheOther_andApplyingItToTheOlderGivesTheNewer() throws Exception {
        threeSaves();

        JsonNode titleOnly = diff("2", "1").json();
        JsonNode both = diff("3", "1").json();
        JsonNode backwards = diff("1", "3").json();

        assertThat(titleOnly.get("patch")).isEqualTo(EditorApi.JSON.readTree(
                "[{\"op\":\"replace\",\"path\":\"/title\",\"value\":\"Night buses are back\"}]"));
        assertThat(titleOnly.get("summary").asText()).isEqualTo("Changed title");
        assertThat(both.get("changed").get("fields")).containsExactly(EditorApi.JSON.getNodeFactory().textNode("title"));
        assertThat(both.get("changed").get("blocks")).containsExactly(EditorApi.JSON.getNodeFactory().numberNode(2));
        JsonNode oldest = revision("1").json().get("article");
        JsonNode newest = revision("3").json().get("article");
        assertThat(JsonPatch.fromJson(both.get("patch")).apply(oldest)).isEqualTo(newest);
        assertThat(JsonPatch.fromJson(backwards.get("patch")).apply(newest)).isEqualTo(oldest);
        assertThat(diff("3", "3").json().get("patch")).isEmpty();
    }

    @Test
    void restore_savesTheOldContentAsANewVersion_keepingEveryVersion_underIfMatchAsAnUpdate() {
        threeSaves();

        HttpResponse stale = restore("1", "\"2\"");
        HttpResponse blind = restore("1", null);
        HttpResponse restored = restore("1", "\"3\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("content-type")).startsWith("application/problem+json");
        assertThat(blind.status()).isEqualTo(428);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.header("etag")).isEqualTo("\"4\"");
        JsonNode current = api.get(SLUG).json();
        assertThat(current.get("title").asText()).startsWith("Night buses return");
        assertThat(current.get("version").asInt()).isEqualTo(4);
        JsonNode history = revisions(Map.of()).json();
        assertThat(versions(history)).containsExactly(4, 3, 2, 1);
        assertThat(history.get("items").get(0).get("summary").asText()).isEqualTo("Restored version 1; changed title, block 2");
        assertThat(revision("3").json().get("article").get("title").asText()).isEqualTo("Night buses are back");
        assertThat(diff("4", "1").json().get("patch")).isEmpty();
    }

    @Test
    void aVersionSavedUnderOlderRules_isNotRestored_is422NamingWhatTodaysRulesRefuse_andNothingChanges() throws Exception {
        api.put(SLUG, article, null);
        // version 2 as the rules of an earlier day let it be saved: a title longer than today's 200 characters
        DynamoArticleStore store = new DynamoArticleStore(api.servers.dynamoDb(), api.table, new ArticleJson());
        ObjectNode longTitle = (ObjectNode) EditorApi.JSON.readTree(article);
        longTitle.put("title", "Night buses return ".repeat(12));
        store.update(store.find(new Slug(SLUG)).orElseThrow(), new ArticleJson().readStored(EditorApi.JSON.writeValueAsBytes(longTitle)),
                SavedBy.SYSTEM, "Changed title", Instant.now());
        api.put(SLUG, edited(a -> a.put("dek", "Seven routes.")), "\"2\"");

        HttpResponse refused = restore("2", "\"3\"");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asText()).startsWith("Version 2 no longer meets today's article rules");
        assertThat(refused.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/title");
        assertThat(api.get(SLUG).json().get("version").asInt()).isEqualTo(3);
        assertThat(versions(revisions(Map.of()).json())).containsExactly(3, 2, 1);
        assertThat(restore("1", "\"3\"").status()).isEqualTo(200);
    }

    @Test
    void aVersionTheArticleNeverHad_is404_andABadVersionCursorOrLimit_is400NamingIt() {
        threeSaves();
        String foreignCursor = Base64.getUrlEncoder().withoutPadding().encodeToString("byStatus|pk=x".getBytes());

        assertThat(revision("9").status()).isEqualTo(404);
        assertThat(revision("9").header("content-type")).startsWith("application/problem+json");
        assertThat(diff("3", "7").status()).isEqualTo(404);
        assertThat(restore("8", "\"3\"").status()).isEqualTo(404);
        assertThat(api.send(request("GET", "/api/articles/{slug}/revisions", "no-such-story")).status()).isEqualTo(404);
        for (HttpResponse refused : List.of(revision("abc"), revision("0"), revision("-1"), revision("1 OR 1=1"),
                revision("99999999999999999999"), diff("3", null), diff("3", "x"), diff("x", "1"),
                revisions(Map.of("limit", "0")), revisions(Map.of("limit", "many")),
                revisions(Map.of("cursor", "%%%")), revisions(Map.of("cursor", foreignCursor)))) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).containsAnyOf("version", "from", "limit", "cursor");
        }
        assertThat(diff("3", null).json().get("detail").asText()).startsWith("from ");
        assertThat(revision("abc").json().get("detail").asText()).startsWith("version ");
        assertThat(revisions(Map.of("cursor", "%%%")).json().get("detail").asText()).startsWith("cursor ");
        assertThat(revisions(Map.of("limit", "0")).json().get("detail").asText()).startsWith("limit ");
        assertThat(api.get(SLUG).json().get("version").asInt()).isEqualTo(3);
    }

    @Test
    void anArticleSavedBeforeVersionsWereKept_listsItsCurrentVersion_andKeepsItOnceSavedAgain() {
        api.put(SLUG, article, null);
        // as such an article is stored: at some version, with neither who saved it nor any earlier version kept
        api.servers.dynamoDb().updateItem(update -> update.tableName(api.table)
                .key(Map.of("pk", AttributeValue.fromS("ARTICLE#" + SLUG), "sk", AttributeValue.fromS("ARTICLE")))
                .updateExpression("SET #version = :five REMOVE savedBySub, savedByName, changeSummary")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":five", AttributeValue.fromN("5"))));

        JsonNode before = revisions(Map.of()).json();
        JsonNode legacy = revision("5").json().get("article");
        api.put(SLUG, edited(a -> a.put("dek", "Seven routes.")), "\"5\"");
        JsonNode after = revisions(Map.of()).json();

        assertThat(versions(before)).containsExactly(5);
        assertThat(before.get("items").get(0).has("savedBy")).isFalse();
        assertThat(api.get(SLUG).json().get("savedBy").get("sub").asText()).isEqualTo("editor-1");
        assertThat(revision("4").status()).isEqualTo(404);
        assertThat(versions(after)).containsExactly(6, 5);
        assertThat(after.get("items").get(0).get("summary").asText()).isEqualTo("Changed dek");
        assertThat(revision("5").json().get("article")).isEqualTo(legacy);
        assertThat(legacy.path("dek").asText()).isNotEqualTo("Seven routes.");
    }

    @Test
    void concurrentSaves_eachRetriedOn412_loseNoRevision() throws Exception {
        int writers = 6;
        api.put(SLUG, article, null);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int i = 1; i <= writers; i++) {
            String title = "Edit by writer " + i;
            attempts.add(pool.submit(() -> {
                start.await();
                for (int attempt = 1; ; attempt++) {
                    String version = api.get(SLUG).header("etag");
                    if (api.put(SLUG, edited(a -> a.put("title", title)), version).status() == 200) {
                        return attempt;
                    }
                }
            }));
        }
        start.countDown();
        int tries = 0;
        for (Future<Integer> attempt : attempts) {
            tries += attempt.get();
        }
        pool.shutdown();

        JsonNode history = revisions(Map.of("limit", "100")).json();
        List<Integer> expected = new ArrayList<>();
        for (int version = writers + 1; version >= 1; version--) {
            expected.add(version);
        }
        assertThat(tries).as("the saves raced").isGreaterThan(writers);
        assertThat(versions(history)).isEqualTo(expected);
        Set<String> titles = new HashSet<>();
        for (int version = 2; version <= writers + 1; version++) {
            titles.add(revision(Integer.toString(version)).json().get("article").get("title").asText());
        }
        assertThat(titles).hasSize(writers).allMatch(title -> title.startsWith("Edit by writer "));
    }
}
