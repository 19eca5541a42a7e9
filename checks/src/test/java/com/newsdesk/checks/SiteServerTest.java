package com.newsdesk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.checks.PublishedSite.SiteObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bucket served as the CDN serves it, so Chromium gets pages and their stylesheet at their public paths. */
class SiteServerTest {
    private final Map<String, SiteObject> bucket = Map.of(
            "city/night-buses-return/index.html", new SiteObject("city/night-buses-return/index.html", "text/html; charset=utf-8",
                    "<p>Night buses</p>".getBytes(StandardCharsets.UTF_8)),
            "tags/été/index.html", new SiteObject("tags/été/index.html", "text/html; charset=utf-8",
                    "<p>Été</p>".getBytes(StandardCharsets.UTF_8)),
            "assets/site.0123456789ab.css", new SiteObject("assets/site.0123456789ab.css", "text/css; charset=utf-8",
                    "body{}".getBytes(StandardCharsets.UTF_8)));

    private static HttpResponse<String> get(SiteServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void cleanPath_servesItsIndexObject_withTheStoredContentType() throws Exception {
        try (SiteServer server = SiteServer.serving(bucket)) {
            HttpResponse<String> page = get(server, "/city/night-buses-return/");
            HttpResponse<String> stylesheet = get(server, "/assets/site.0123456789ab.css");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).isEqualTo("<p>Night buses</p>");
            assertThat(stylesheet.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
        }
    }

    @Test
    void percentEncodedPath_servesTheObjectOfTheDecodedKey_asS3Does() throws Exception {
        try (SiteServer server = SiteServer.serving(bucket)) {
            HttpResponse<String> page = get(server, "/tags/%C3%A9t%C3%A9/");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<p>Été</p>");
        }
    }

    @Test
    void pathThatIsNotInTheBucket_gets404_namingTheDecodedKeyItLookedFor() throws Exception {
        try (SiteServer server = SiteServer.serving(bucket)) {
            HttpResponse<String> missing = get(server, "/tags/%C3%BCber/");

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).isEqualTo("No object tags/über/index.html in the bucket");
            assertThat(get(server, "/../../etc/passwd").statusCode()).isEqualTo(404);
        }
    }
}
