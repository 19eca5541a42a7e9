package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.apigateway.ApiRequest;
import com.newsdesk.local.servers.Repository;
import com.newsdesk.local.servers.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Readers behind the local edge cache while editors publish through the real functions, whose purges reach the
 * cache through the same {@code CdnPurge} seam that calls CloudFront in AWS.
 */
class LocalEdgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalStackRunner local = new LocalStackRunner();

    @Test
    void functions_purgeTheLocalEdge_neverCloudFront() {
        Map<String, String> settings = local.stack.functionSettings();
        assertThat(settings.get("CDN_DISTRIBUTION_ID")).isNull();
        assertThat(settings.get("CDN_PURGE_URL")).startsWith("http://localhost:").doesNotEndWith(":" + local.stack.origin().getPort() + "/purge");
        assertThat(settings.get("ORIGIN_VERIFY_SECRET")).isNotBlank();
        assertThat(settings.get("CLIENT_HASH_SALT")).isNotBlank();
    }

    @Test
    void apiRequest_carriesTheReadersAddressAsTheDistributionSetsIt_notTheOneItClaims() {
        local.send(local.request("/api/articles/edge-address-story/comments?limit=1")
                .header("CloudFront-Viewer-Address", "203.0.113.9:443")
                .header("X-Origin-Verify", "forged"));

        APIGatewayV2HTTPEvent event = local.invocations.get(local.invocations.size() - 1);
        String secret = local.stack.functionSettings().get("ORIGIN_VERIFY_SECRET");
        assertThat(event.getHeaders().get("cloudfront-viewer-address")).matches("127\\.0\\.0\\.1:[0-9]+");
        assertThat(event.getHeaders()).containsEntry("x-origin-verify", secret);
        assertThat(new ApiRequest(event, secret).sourceIp()).isEqualTo("127.0.0.1");
    }

    @Test
    void siteIcons_areServedAtTheNamesBrowsersAskFor_onceAnythingIsPublished() {
        publish("edge-icon-story", "Ferry timetable changes");

        for (String[] icon : new String[][] {{"/favicon.ico", "image/x-icon"}, {"/icon.svg", "image/svg+xml"},
                {"/apple-touch-icon.png", "image/png"}}) {
            HttpResponse<byte[]> served = local.send(local.request(icon[0]), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).as(icon[0]).isEqualTo(200);
            assertThat(served.headers().firstValue("content-type")).as(icon[0]).hasValue(icon[1]);
            assertThat(served.body()).as(icon[0]).isNotEmpty();
        }
    }

    @Test
    void publishedPage_isServedFromTheCache_withoutAskingTheBucketAgain() {
        String page = publish("edge-cached-story", "Harbour bridge reopens");
        local.send(local.request(page));

        long fetchesBefore = local.stack.bucket().fetches();
        HttpResponse<String> again = local.send(local.request(page));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Harbour bridge reopens");
        assertThat(again.headers().firstValue("x-cache")).hasValue("Hit from local edge");
        assertThat(local.stack.bucket().fetches()).isEqualTo(fetchesBefore);
    }

    @Test
    void republishedPage_isTheNewVersionAtOnce() {
        String page = publish("edge-republished-story", "Council votes on the budget");
        assertThat(local.send(local.request(page)).body()).contains("Council votes on the budget");

        publish("edge-republished-story", "Council passes the budget");

        HttpResponse<String> after = local.send(local.request(page));
        assertThat(after.body()).contains("Council passes the budget").doesNotContain("Council votes on the budget");
    }

    @Test
    void unpublishedPage_isGone_withTheNoLongerAvailablePage_atOnce() {
        String page = publish("edge-withdrawn-story", "Mayor resigns");
        assertThat(local.send(local.request(page)).statusCode()).isEqualTo(200);

        HttpResponse<String> unpublished = local.send(local.request("/api/articles/edge-withdrawn-story/unpublish")
                .header("authorization", "Bearer " + local.stack.editorToken()).POST(BodyPublishers.noBody()));
        assertThat(unpublished.statusCode()).isEqualTo(200);

        HttpResponse<String> after = local.send(local.request(page));
        assertThat(after.statusCode()).isEqualTo(410);
        assertThat(after.body()).contains("This article is no longer available").doesNotContain("Mayor resigns");
    }

    @Test
    void unknownPath_isTheSites404Page_apiErrors_passUnchanged() {
        publish("edge-any-story", "Library hours extended");

        HttpResponse<String> missing = local.send(local.request("/city/no-such-story/"));
        HttpResponse<String> missingAsset = local.send(local.request("/assets/no-such.css"));
        HttpResponse<String> apiMissing = local.send(local.request("/api/no-such-route"));
        HttpResponse<String> apiForbidden = local.send(local.request("/api/articles"));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(missing.headers().firstValue("cache-control")).hasValue("public, max-age=60, s-maxage=300");
        assertThat(missing.headers().firstValue("content-security-policy")).isPresent();
        assertThat(missing.body())
                .contains("<title>Page not found | The Daily Brief (local)</title>", "<header class=\"masthead\">",
                        "Go to the front page")
                .doesNotContain("NoSuchKey");
        assertThat(missingAsset.statusCode()).isEqualTo(404);
        assertThat(missingAsset.body()).contains("<header class=\"masthead\">");
        assertThat(apiMissing.statusCode()).isEqualTo(404);
        assertThat(apiMissing.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(apiMissing.body()).doesNotContain("Page not found");
        assertThat(apiForbidden.statusCode()).isEqualTo(401);
        assertThat(apiForbidden.body()).startsWith("{").doesNotContain("Page not found");
    }

    @Test
    void unknownPath_isTheSamePageThePublisherWrites() {
        publish("edge-404-story", "Ferry timetable changes");

        HttpResponse<String> missing = local.send(local.request("/city/no-such-story/"));
        HttpResponse<String> written = local.send(local.request("/404.html"));

        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(missing.body()).isEqualTo(written.body());
    }

    @Test
    void movedStory_oldAddressIsMovedToTheNewOne_andGoneOnceTakenDown() throws IOException {
        String cityPage = publish("edge-moved-story", "Night trains return");
        ObjectNode moved = article("Night trains return");
        moved.putObject("section").put("slug", "world").put("name", "World");
        String worldPage = publish("edge-moved-story", moved);
        assertThat(worldPage).isNotEqualTo(cityPage);

        HttpResponse<String> old = local.send(local.request(cityPage + "?utm_source=x"));

        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("location")).hasValue(worldPage);
        assertThat(old.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("x-amz-"));

        local.send(local.request("/api/articles/edge-moved-story/unpublish")
                .header("authorization", "Bearer " + local.stack.editorToken()).POST(BodyPublishers.noBody()));

        assertThat(local.send(local.request(cityPage)).statusCode()).isEqualTo(410);
        assertThat(local.send(local.request(worldPage)).statusCode()).isEqualTo(410);
    }

    @Test
    void everyAnswer_carriesTheSecurityHeaders_andNoBucketMetadata() {
        String page = publish("edge-headers-story", "Museum opens late on Fridays");

        for (String path : new String[] {page, "/no-such-page/", "/robots.txt"}) {
            HttpResponse<String> response = local.send(local.request(path));

            SecurityHeaders.of(SamTemplate.ofRepository()).added().forEach((name, value) -> assertThat(response.headers().firstValue(name)).as(path + " " + name).hasValue(value));
            assertThat(response.headers().map().keySet()).as(path).noneMatch(name -> name.toLowerCase().startsWith("x-amz-"));
        }
    }

    @Test
    void conditionalRequestForTheCachedPage_isNotModified() {
        String page = publish("edge-conditional-story", "Tram line extension approved");
        String etag = local.send(local.request(page)).headers().firstValue("etag").orElseThrow();

        HttpResponse<String> unchanged = local.send(local.request(page).header("If-None-Match", etag));

        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
    }

    @Test
    void purgeTheEdgeCannotTake_doesNotFailThePublish_andIsResentWithTheNextOne() {
        String page = publish("edge-outage-story", "Storm warning for the coast");
        assertThat(local.send(local.request(page)).body()).contains("Storm warning for the coast");

        local.stack.stopPurges();
        try {
            publish("edge-outage-story", "Storm warning lifted");
            // the edge never heard of the change: readers still get the cached copy
            assertThat(local.send(local.request(page)).body()).contains("Storm warning for the coast");
        } finally {
            local.stack.restartPurges();
        }
        publish("edge-other-story", "Ferry timetable changes");

        assertThat(local.send(local.request(page)).body()).contains("Storm warning lifted");
    }

    /** Saves the sample article under {@code slug} with this title and publishes it; returns the page's path. */
    static String publish(String slug, String title) {
        return publish(slug, article(title));
    }

    static ObjectNode article(String title) {
        try {
            ObjectNode article = (ObjectNode) JSON.readTree(Files.readString(Repository.root().resolve("samples/articles/night-buses-return.json")));
            article.put("title", title);
            return article;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String publish(String slug, ObjectNode article) {
        try {
            String token = local.stack.editorToken();
            HttpResponse<String> existing = local.send(local.request("/api/articles/" + slug).header("authorization", "Bearer " + token));
            var put = local.request("/api/articles/" + slug).header("authorization", "Bearer " + token)
                    .header("content-type", "application/json")
                    .PUT(BodyPublishers.ofString(JSON.writeValueAsString(article)));
            if (existing.statusCode() == 200) {
                put.header("if-match", "\"" + JSON.readTree(existing.body()).path("version").asText() + "\"");
            }
            assertThat(local.send(put).statusCode()).as("save " + slug).isIn(200, 201);
            // waits for the render worker too: the tests look at the lists and the edge right after
            HttpResponse<String> published = local.send(local.request("/api/articles/" + slug + "/publish?wait=true")
                    .header("authorization", "Bearer " + token).POST(BodyPublishers.noBody()));
            assertThat(published.statusCode()).as("publish " + slug + ": " + published.body()).isEqualTo(200);
            return java.net.URI.create(JSON.readTree(published.body()).path("url").asText()).getPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
