package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;

/** What readers get for a path that is not the API: the bucket, as the CDN serves it. */
class BucketSiteTest {
    private static final String PAGE = "<!doctype html><title>Peace talks</title><h1>Peace talks</h1>";
    private static final String PAGE_CACHING = "public, max-age=60, s-maxage=31536000";

    @RegisterExtension
    static final LocalStackRunner local = new LocalStackRunner();

    @BeforeAll
    static void startWithPublishedPages() {
        publish("index.html", "text/html; charset=utf-8", "<!doctype html><title>Front page</title>");
        publish("news/peace-talks/index.html", "text/html; charset=utf-8", PAGE);
        publish("assets/site.css", "text/css; charset=utf-8", "body { margin: 0 }");
    }

    @Test
    void page_isServedWithTheTypeCachingAndETagItWasPublishedWith() {
        HttpResponse<String> response = local.send(local.request("/news/peace-talks/"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(PAGE);
        // S3Proxy drops the space before charset; real S3 returns the type as stored.
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).isEqualToIgnoringWhitespace("text/html; charset=utf-8"));
        assertThat(response.headers().firstValue("cache-control")).hasValue(PAGE_CACHING);
        assertThat(response.headers().firstValue("etag")).hasValueSatisfying(etag -> assertThat(etag).startsWith("\""));
        assertThat(response.headers().firstValue("last-modified")).isPresent();
    }

    @Test
    void frontPageAndAssets_areTheirObjects() {
        assertThat(local.send(local.request("/")).body()).contains("Front page");
        HttpResponse<String> css = local.send(local.request("/assets/site.css"));
        assertThat(css.body()).isEqualTo("body { margin: 0 }");
        assertThat(css.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void sameETag_isNotModified_otherETag_getsThePage() {
        String etag = local.send(local.request("/news/peace-talks/")).headers().firstValue("etag").orElseThrow();

        HttpResponse<String> unchanged = local.send(local.request("/news/peace-talks/").header("If-None-Match", etag));
        HttpResponse<String> changed = local.send(local.request("/news/peace-talks/").header("If-None-Match", "\"older\""));

        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("etag")).hasValue(etag);
        assertThat(unchanged.headers().firstValue("cache-control")).hasValue(PAGE_CACHING);
        assertThat(changed.statusCode()).isEqualTo(200);
    }

    @Test
    void head_givesTheHeadersWithoutABody() {
        HttpResponse<String> response = local.send(local.request("/news/peace-talks/").method("HEAD", BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("content-length")).hasValue(Integer.toString(PAGE.length()));
    }

    @Test
    void folderWithoutItsSlash_isRedirectedToIt() {
        HttpResponse<String> response = local.send(local.request("/news/peace-talks?utm_source=x"));

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location")).hasValue("/news/peace-talks/?utm_source=x");
    }

    @Test
    void missingPage_is404WithAnHtmlPage_andNoFolderIsListed() {
        for (String path : new String[] {"/news/nothing-here/", "/news/", "/news/peace-talks/missing.png"}) {
            HttpResponse<String> response = local.send(local.request(path));

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(response.body()).contains("Page not found").doesNotContain("peace-talks");
        }
    }

    /** Sent as raw request lines: HTTP clients would refuse or normalise some of these before sending, and the JDK's server refuses some itself. */
    @ParameterizedTest
    @ValueSource(strings = {"/news/../index.html", "/news/%2e%2e/index.html", "/news%2Fpeace-talks/", "/news%5Cpeace-talks/",
            "/news\\..\\index.html", "/news/%00/", "/news/%zz/", "//evil.example/login", "//evil.example/login?utm_source=x"})
    void pathThatCouldLeaveAKey_isRefused(String path) throws IOException {
        try (Socket socket = new Socket(local.stack.origin().getHost(), local.stack.origin().getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(response).startsWith("HTTP/1.1 400 ").doesNotContain("<title>Front page");
        }
    }

    @Test
    void writing_isNotAllowed() {
        HttpResponse<String> response = local.send(local.request("/news/peace-talks/").POST(BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    private static void publish(String key, String contentType, String body) {
        local.stack.servers().s3().putObject(put -> put.bucket(local.stack.functionSettings().get("SITE_BUCKET")).key(key)
                        .contentType(contentType)
                        .cacheControl(PAGE_CACHING)
                        .metadata(Map.of("content-sha256", Integer.toHexString(body.hashCode()))),
                RequestBody.fromString(body));
    }
}
