package com.newsdesk.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.local.servers.OpenApiDocument;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code GET /api/openapi.json}: the repository's openapi.yaml as one JSON document, for anyone, kept a while. */
class ApiDescriptionRouteTest {
    private final EditorApi api = new EditorApi();

    @Test
    void anyoneGetsTheDescription_bundledFromOpenapiYaml_withTheArticleSchemaInlined() {
        HttpResponse described = api.send(HttpApiEvent.request("GET", "/api/openapi.json"));

        assertThat(described.status()).isEqualTo(200);
        assertThat(described.header("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(described.json()).isEqualTo(OpenApiDocument.ofRepository());
        assertThat(described.json().at("/components/schemas/Article/properties/title/type").asText()).isEqualTo("string");
        assertThat(described.body()).as("no reference out of the document").doesNotContain("\"$ref\":\"functions/");
    }

    @Test
    void aClientHoldingTheCurrentCopy_getsNotModified() {
        HttpResponse first = api.send(HttpApiEvent.request("GET", "/api/openapi.json"));
        assertThat(first.header("cache-control")).isEqualTo("public, max-age=300");
        assertThat(first.header("etag")).matches("\"[0-9a-f]{32}\"");

        HttpResponse again = api.send(HttpApiEvent.request("GET", "/api/openapi.json").header("if-none-match", first.header("etag")));
        HttpResponse stale = api.send(HttpApiEvent.request("GET", "/api/openapi.json").header("if-none-match", "\"0123\""));

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("etag")).isEqualTo(first.header("etag"));
        assertThat(stale.status()).isEqualTo(200);
    }
}
