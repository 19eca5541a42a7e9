package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.local.servers.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The CloudFront Functions of template.yaml, run as the edge runs them, on a table of paths and of bucket answers. */
class CloudFrontFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static CloudFrontFunctions functions;

    @BeforeAll
    static void start() {
        functions = CloudFrontFunctions.ofSiteBucket(SamTemplate.ofRepository());
    }

    @AfterAll
    static void stop() {
        functions.close();
    }

    @ParameterizedTest(name = "{0} is the object {1}")
    @CsvSource({
            "/,                                  /index.html",
            "/city/night-buses-return/,          /city/night-buses-return/index.html",
            "/city/page/2/,                      /city/page/2/index.html",
            "/assets/site.3f9a2c.css,            /assets/site.3f9a2c.css",
            "/feed.xml,                          /feed.xml",
            "/city/feed.xml,                     /city/feed.xml",
            "/robots.txt,                        /robots.txt",
            "/city/caf%C3%A9-opens/,             /city/caf%C3%A9-opens/index.html",
    })
    void ordinaryPathsAndAssets_areForwardedToTheirObject(String uri, String objectUri) {
        JsonNode forwarded = functions.viewerRequest(viewerRequest(uri, ""));

        assertThat(forwarded.has("statusCode")).as(uri).isFalse();
        assertThat(forwarded.path("uri").asText()).isEqualTo(objectUri);
    }

    @Test
    void folderWithAQueryString_keepsItsQueryString() {
        JsonNode forwarded = functions.viewerRequest(viewerRequest("/city/night-buses-return/", "utm_source=x"));

        assertThat(forwarded.path("uri").asText()).isEqualTo("/city/night-buses-return/index.html");
        assertThat(forwarded.path("querystring").path("utm_source").path("value").asText()).isEqualTo("x");
    }

    @ParameterizedTest(name = "{0}?{1} moves to {2}")
    @CsvSource(delimiter = '|', value = {
            "/city/night-buses-return|                                          |/city/night-buses-return/",
            "/city/night-buses-return|utm_source=x&utm_medium=social&utm_campaign=share|/city/night-buses-return/?utm_source=x&utm_medium=social&utm_campaign=share",
            "/city/night-buses-return|q=caf%C3%A9+bar                            |/city/night-buses-return/?q=caf%C3%A9+bar",
            "/city/night-buses-return|tag=a&tag=b                                |/city/night-buses-return/?tag=a&tag=b",
            "/city/night-buses-return|preview                                    |/city/night-buses-return/?preview",
            "/city|                                                              |/city/",
    })
    void cleanUrl_isMovedToItsFolder_withItsQueryString(String uri, String query, String location) {
        JsonNode answer = functions.viewerRequest(viewerRequest(uri, query == null ? "" : query));

        assertThat(answer.path("statusCode").asInt()).isEqualTo(301);
        assertThat(answer.path("headers").path("location").path("value").asText()).isEqualTo(location);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {
            "//evil.example/login", "//evil.example", "///evil.example/", "/\\evil.example/login", "/news\\..\\index.html",
            "/news/../index.html", "/news/..", "/..", "/news/./index.html", "/./", "/news/.",
            "/news/%2e%2e/index.html", "/news/%2E%2E/", "/news/.%2e/", "/%2e/", "/news/%2Ehidden",
            "/news%2Fpeace-talks/", "/news%2fpeace-talks/", "/news%5Cpeace-talks/", "/news%5cx", "/news/%00/", "/news%00.html",
            "/news/%zz/", "/news/%", "/news/%4", "/news/%e2%28%a1/", "/news/%0d%0aSet-Cookie:x/", "news/peace-talks/",
    })
    void hostilePath_isRefusedWith400(String uri) {
        JsonNode answer = functions.viewerRequest(viewerRequest(uri, "utm_source=x"));

        assertThat(answer.path("statusCode").asInt()).as(uri).isEqualTo(400);
        assertThat(answer.path("headers").path("location").isMissingNode()).isTrue();
    }

    @Test
    void overlongPath_isRefused() {
        assertThat(functions.viewerRequest(viewerRequest("/" + "a".repeat(1100) + "/", "")).path("statusCode").asInt()).isEqualTo(400);
    }

    @Test
    void page_isPassedOn_withoutThePublishersMarks() {
        JsonNode response = functions.viewerResponse(viewerResponse(200, null, null));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("headers").path("etag").path("value").asText()).isEqualTo("\"abc\"");
        assertThat(response.path("headers").path("x-amz-meta-cache-tag").path("value").asText()).isEqualTo("a:story");
    }

    @Test
    void takenDownStory_isGone() {
        JsonNode response = functions.viewerResponse(viewerResponse(200, "true", null));

        assertThat(response.path("statusCode").asInt()).isEqualTo(410);
        assertThat(response.path("headers").has("x-amz-meta-gone")).isFalse();
    }

    @Test
    void oldAddressOfAMovedStory_isMovedToItsCurrentPath() {
        JsonNode response = functions.viewerResponse(viewerResponse(200, null, "/world/night-buses-return/"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(301);
        assertThat(response.path("headers").path("location").path("value").asText()).isEqualTo("/world/night-buses-return/");
        assertThat(response.path("headers").has("x-amz-meta-redirect")).isFalse();
    }

    @Test
    void movedStoryTakenDown_isGone_notMoved() {
        JsonNode response = functions.viewerResponse(viewerResponse(200, "true", "/world/night-buses-return/"));

        assertThat(response.path("statusCode").asInt()).isEqualTo(410);
        assertThat(response.path("headers").has("location")).isFalse();
        assertThat(response.path("headers").has("x-amz-meta-redirect")).isFalse();
    }

    @ParameterizedTest(name = "redirect to \"{0}\" is ignored")
    @ValueSource(strings = {"//evil.example/", "https://evil.example/", "/\\evil.example/", "\\\\evil.example", "world/slug/",
            "/world//slug/", "/world/slug/\r\nset-cookie: a=b", "/world/slug/\t", "/world/a slug/", "javascript:alert(1)", ""})
    void redirectOffThisSite_isIgnored_andThePageServedAsItIs(String target) {
        JsonNode response = functions.viewerResponse(viewerResponse(200, null, target));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("headers").has("location")).isFalse();
        assertThat(response.path("headers").has("x-amz-meta-redirect")).isFalse();
    }

    /** CloudFront never shows it these (the origin group answers them); were it to, it would add nothing of its own. */
    @ParameterizedTest(name = "bucket {0} is not the function''s to answer")
    @ValueSource(ints = {403, 404})
    void keyTheBucketLacks_isLeftAsItIs(int bucketStatus) {
        JsonNode response = functions.viewerResponse(viewerResponse(bucketStatus, null, null));

        assertThat(response.path("statusCode").asInt()).isEqualTo(bucketStatus);
        assertThat(response.has("body")).isFalse();
    }

    /** As {@link EdgeEvents} makes them for the local edge. */
    private static ObjectNode viewerRequest(String uri, String query) {
        ObjectNode event = JSON.createObjectNode().put("version", "1.0");
        event.putObject("context").put("eventType", "viewer-request");
        event.putObject("viewer").put("ip", "198.51.100.7");
        ObjectNode request = event.putObject("request").put("method", "GET").put("uri", uri);
        ObjectNode querystring = request.putObject("querystring");
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                String[] nameAndValue = pair.split("=", 2);
                String value = nameAndValue.length == 2 ? nameAndValue[1] : "";
                if (querystring.has(nameAndValue[0])) {
                    ObjectNode field = (ObjectNode) querystring.get(nameAndValue[0]);
                    if (!field.has("multiValue")) {
                        field.putArray("multiValue").addObject().put("value", field.path("value").asText());
                    }
                    field.withArray("multiValue").addObject().put("value", value);
                } else {
                    querystring.putObject(nameAndValue[0]).put("value", value);
                }
            }
        }
        request.putObject("headers").putObject("host").put("value", "news.example");
        request.putObject("cookies");
        return event;
    }

    private static ObjectNode viewerResponse(int status, String gone, String redirect) {
        ObjectNode event = viewerRequest("/city/night-buses-return/index.html", "");
        event.with("context").put("eventType", "viewer-response");
        ObjectNode headers = event.putObject("response").put("statusCode", status).putObject("headers");
        headers.putObject("etag").put("value", "\"abc\"");
        headers.putObject("x-amz-meta-cache-tag").put("value", "a:story");
        if (gone != null) {
            headers.putObject("x-amz-meta-gone").put("value", gone);
        }
        if (redirect != null) {
            headers.putObject("x-amz-meta-redirect").put("value", redirect);
        }
        return event;
    }
}
