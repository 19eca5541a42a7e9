package com.newsdesk.articles;

import static com.newsdesk.articles.EditorApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.Samples;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Writers write; editors decide what readers see. Each version says who saved it. */
class RolesTest {
    private static final String SLUG = "night-buses-return";
    private final EditorApi api = new EditorApi();
    private final byte[] article = Samples.article(SLUG);

    private HttpResponse asWriter(HttpApiEvent request) {
        return api.send(request.writer());
    }

    private HttpResponse writerPut(byte[] body, String ifMatch) {
        HttpApiEvent put = request("PUT", "/api/articles/{slug}", SLUG).json(body);
        return asWriter(ifMatch == null ? put : put.header("if-match", ifMatch));
    }

    @Test
    void aWriter_createsUpdatesPreviewsListsAndReads_butEveryEditorsRoute_answers403NamingTheEditorsGroup() throws Exception {
        HttpResponse created = writerPut(article, null);
        ObjectNode edited = (ObjectNode) EditorApi.JSON.readTree(article);
        edited.put("dek", "Seven routes now.");
        HttpResponse updated = writerPut(EditorApi.JSON.writeValueAsBytes(edited), "\"1\"");

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(asWriter(request("GET", "/api/articles/{slug}", SLUG)).json().get("dek").asText()).isEqualTo("Seven routes now.");
        assertThat(asWriter(request("GET", "/api/articles/{slug}/preview", SLUG)).status()).isEqualTo(200);
        assertThat(asWriter(request("GET", "/api/articles", null)).json().get("items")).hasSize(1);
        assertThat(asWriter(request("GET", "/api/articles/{slug}/revisions", SLUG)).status()).isEqualTo(200);

        for (HttpApiEvent editorsOnly : new HttpApiEvent[] {
                request("POST", "/api/articles/{slug}/publish", SLUG),
                request("POST", "/api/articles/{slug}/unpublish", SLUG),
                request("POST", "/api/articles/{slug}/revisions/{version}/restore", SLUG).path("version", "1").header("if-match", "\"2\""),
                request("POST", "/api/site/rerender", null),
                request("GET", "/api/site/rerenders/{id}", null).path("id", "x")}) {
            HttpResponse refused = asWriter(editorsOnly);
            assertThat(refused.status()).as(editorsOnly.event().getRouteKey()).isEqualTo(403);
            assertThat(refused.header("content-type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains("editors group");
        }
        JsonNode stored = api.get(SLUG).json();
        assertThat(stored.get("status").asText()).isEqualTo("draft");
        assertThat(stored.get("version").asInt()).isEqualTo(2);
    }

    @Test
    void anEditor_publishesWhatAWriterSaved() {
        writerPut(article, null);

        HttpResponse published = api.post(SLUG, "publish");

        assertThat(published.status()).isEqualTo(200);
        assertThat(api.get(SLUG).json().get("status").asText()).isEqualTo("published");
    }

    @Test
    void aTokenOfNeitherGroup_isRefusedOnWritersRoutes_namingBothGroups() {
        HttpResponse reader = api.send(request("PUT", "/api/articles/{slug}", SLUG).json(article)
                .claims(Map.of("sub", "r", "cognito:groups", "[readers]")));

        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.json().get("detail").asText()).isEqualTo("This route is for members of the writers or editors group.");
        assertThat(api.get(SLUG).status()).isEqualTo(404);
    }

    @Test
    void eachVersion_recordsWhoSavedIt_byTheTokensSubjectAndName() throws Exception {
        writerPut(article, null);
        JsonNode byWriter = api.get(SLUG).json().get("savedBy");
        ObjectNode edited = (ObjectNode) EditorApi.JSON.readTree(article);
        edited.put("title", "Night buses return, and more");
        api.send(request("PUT", "/api/articles/{slug}", SLUG).json(EditorApi.JSON.writeValueAsBytes(edited))
                .header("if-match", "\"1\"")
                .claims(Map.of("sub", "e-7", "cognito:groups", "[editors writers]", "name", "Emma Walker",
                        "email", "emma@news.example", "cognito:username", "emma")));
        JsonNode byEditor = api.get(SLUG).json().get("savedBy");

        assertThat(byWriter.get("sub").asText()).isEqualTo("writer-1");
        assertThat(byWriter.get("name").asText()).isEqualTo("writer@news.example");
        assertThat(byEditor.get("sub").asText()).isEqualTo("e-7");
        assertThat(byEditor.get("name").asText()).isEqualTo("Emma Walker");
    }
}
