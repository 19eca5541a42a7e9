package com.newsdesk.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The share routes of the HTTP contract, end to end against the real local DynamoDB and S3 servers. */
class ShareApiTest {
    private static final String ARTICLE = "ukraine-peace-talks";
    private static final String CANONICAL = "https://news.example/news/ukraine-peace-talks/";
    private static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]");

    private final ShareApi api = new ShareApi();

    @Test
    void firstRequest_creates201_andEveryLaterOne_returnsTheSameCode200() {
        api.publish(ARTICLE);
        api.forgetShortLinks(ARTICLE);

        HttpResponse first = api.createLink(ARTICLE, "{\"channel\": \"x\"}");
        HttpResponse second = api.createLink(ARTICLE, "{\"channel\": \"x\"}");
        HttpResponse otherChannel = api.createLink(ARTICLE, "{\"channel\": \"email\"}");

        assertThat(first.status()).isEqualTo(201);
        String code = first.json().get("code").asText();
        assertThat(code).matches("[A-Za-z0-9]{8}");
        assertThat(first.json().get("shortUrl").asText()).isEqualTo("https://news.example/s/" + code);
        assertThat(first.header("location")).isEqualTo("https://news.example/s/" + code);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("code").asText()).isEqualTo(code);
        assertThat(otherChannel.status()).isEqualTo(201);
        assertThat(otherChannel.json().get("code").asText()).isNotEqualTo(code);
    }

    @Test
    void shareUrl_isEachNetworksRealIntent_holdingTheShortLinkEncoded() {
        api.publish(ARTICLE);
        Map<String, JsonNode> links = new HashMap<>();
        for (String channel : List.of("x", "facebook", "linkedin", "whatsapp", "email", "copy")) {
            links.put(channel, api.createLink(ARTICLE, "{\"channel\": \"" + channel + "\"}").json());
        }
        String headline = "Ukraine Security Guarantees: US, NATO, and Putin-Zelenskyy Summit Talks";

        assertThat(links.get("x").get("shareUrl").asText()).isEqualTo("https://x.com/intent/post?url="
                + encoded(links.get("x")) + "&text=Ukraine%20Security%20Guarantees%3A%20US%2C%20NATO%2C%20and%20Putin-Zelenskyy%20Summit%20Talks");
        assertThat(links.get("facebook").get("shareUrl").asText())
                .isEqualTo("https://www.facebook.com/sharer/sharer.php?u=" + encoded(links.get("facebook")));
        assertThat(links.get("linkedin").get("shareUrl").asText())
                .isEqualTo("https://www.linkedin.com/sharing/share-offsite/?url=" + encoded(links.get("linkedin")));
        assertThat(links.get("whatsapp").get("shareUrl").asText()).startsWith("https://wa.me/?text=")
                .endsWith("%20" + encoded(links.get("whatsapp")));
        String mailto = links.get("email").get("shareUrl").asText();
        assertThat(mailto).startsWith("mailto:?subject=Ukraine%20Security%20Guarantees%3A%20").contains("&body=");
        assertThat(URLDecoder.decode(mailto.substring(mailto.indexOf("&body=") + 6), StandardCharsets.UTF_8))
                .isEqualTo(headline + "\n\n" + links.get("email").get("shortUrl").asText());
        assertThat(links.get("copy").get("shareUrl").asText()).isEqualTo(links.get("copy").get("shortUrl").asText());
    }

    private static String encoded(JsonNode link) {
        return "https%3A%2F%2Fnews.example%2Fs%2F" + link.get("code").asText();
    }

    @Test
    void twoReadersAskingAtOnce_getTheSameCode_andOnlyOneIsStored() throws Exception {
        api.publish(ARTICLE);
        api.forgetShortLinks(ARTICLE);
        int readers = 8;
        CountDownLatch ready = new CountDownLatch(readers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<Future<HttpResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < readers; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return api.createLink(ARTICLE, "{\"channel\": \"linkedin\"}");
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse> responses = new ArrayList<>();
            for (Future<HttpResponse> answer : answers) {
                responses.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertThat(responses).extracting(r -> r.json().get("code").asText()).containsOnly(responses.get(0).json().get("code").asText());
            assertThat(responses).extracting(HttpResponse::status).containsOnlyOnce(201).containsOnly(201, 200);
            assertThat(api.servers.dynamoDb().scan(scan -> scan.tableName(api.table)).items())
                    .filteredOn(item -> item.get("pk").s().startsWith("SHARE#")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownChannel_gets422_listingTheChannels() {
        HttpResponse response = api.createLink(ARTICLE, "{\"channel\": \"myspace\", \"utm\": \"x\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").toString())
                .contains("\"pointer\":\"/channel\"", "x, facebook, linkedin, whatsapp, email, copy", "\"pointer\":\"/utm\"");
    }

    @Test
    void unknownOrUnpublishedArticle_gets404() {
        api.publish(ARTICLE);
        api.unpublish(ARTICLE);

        assertThat(api.createLink("no-such-article", "{\"channel\": \"x\"}").status()).isEqualTo(404);
        assertThat(api.createLink(ARTICLE, "{\"channel\": \"x\"}").status()).isEqualTo(404);
    }

    @Test
    void badBodies_getTheirProblem_neverA500() {
        assertThat(api.createLink(ARTICLE, "{\"channel\": ").status()).isEqualTo(400);
        assertThat(api.createLink(ARTICLE, "").status()).isEqualTo(400);
        assertThat(api.createLink(ARTICLE, "[\"x\"]").status()).isEqualTo(422);
        assertThat(api.createLink(ARTICLE, "{\"channel\": \"x\", \"channel\": \"email\"}").status()).isEqualTo(400);
        assertThat(api.createLink("Not A Slug", "{\"channel\": \"x\"}").status()).isEqualTo(400);
        HttpResponse formPost = api.send(ShareApi.event("create-share-link").body("application/x-www-form-urlencoded", "channel=x"));
        assertThat(formPost.status()).isEqualTo(415);
        assertThat(formPost.body()).doesNotContain("Exception", "com.newsdesk", "jackson");
    }

    @Test
    void creatingLinks_isRateLimitedPerClientAddress_with429AndRetryAfter() {
        api.publish(ARTICLE);
        for (int i = 0; i < 30; i++) {
            assertThat(api.createLink(ARTICLE, "{\"channel\": \"x\"}", "198.51.100.9").status()).isIn(200, 201);
        }

        HttpResponse limited = api.createLink(ARTICLE, "{\"channel\": \"x\"}", "198.51.100.9");
        HttpResponse someoneElse = api.createLink(ARTICLE, "{\"channel\": \"x\"}", "198.51.100.10");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("retry-after"))).isBetween(1, 60);
        assertThat(limited.json().get("detail").asText()).contains("try again");
        assertThat(someoneElse.status()).isEqualTo(200);
    }

    @Test
    void shortLink_redirects301_toExactlyTheCanonicalUrlWithUtm_uncached() {
        api.publish(ARTICLE);
        String code = api.code(ARTICLE, "whatsapp");

        HttpResponse response = api.follow(code, ShareApi.BROWSER);

        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("location"))
                .isEqualTo(CANONICAL + "?utm_source=whatsapp&utm_medium=social&utm_campaign=share");
        assertThat(response.header("cache-control")).isEqualTo("no-store");
    }

    @Test
    void oddCodes_get404Problems_andNeverALocation() {
        api.publish(ARTICLE);
        api.code(ARTICLE, "x");

        for (String code : List.of("%2F%2Fevil.example", "//evil.example", "abc", "abcdefghi", "abcdefg", "abc.defg",
                "abcd%20fg", "ab/cdefg", "https:/e", "\u00c4bcdefgX", "", "../../../", "Xk3f9Qa2\u0000")) {
            HttpResponse response = api.follow(code, ShareApi.BROWSER);

            assertThat(response.status()).as(code).isEqualTo(404);
            assertThat(response.header("content-type")).startsWith("application/problem+json");
            assertThat(response.headers()).as(code).doesNotContainKey("location");
        }
        assertThat(api.follow(null, ShareApi.BROWSER).status()).isEqualTo(404);
    }

    @Test
    void aRedirectTargetInTheQuery_isIgnored_theLocationStaysOnTheSite() {
        api.publish(ARTICLE);
        String code = api.code(ARTICLE, "x");
        HttpApiEvent smuggled = ShareApi.event("follow-share-link").path("code", code)
                .query("to", "https://evil.example").query("utm_source", "evil");
        HttpApiEvent unknown = ShareApi.event("follow-share-link").path("code", "abc").query("to", "https://evil.example");

        assertThat(api.send(smuggled).header("location")).isEqualTo(CANONICAL + "?utm_source=x&utm_medium=social&utm_campaign=share");
        assertThat(api.send(unknown).status()).isEqualTo(404);
        assertThat(api.send(unknown).headers()).doesNotContainKey("location");
    }

    @Test
    void wellFormedCodeNobodyIssued_gets404() {
        api.publish(ARTICLE);

        assertThat(api.follow("AAAAAAAA", ShareApi.BROWSER).status()).isEqualTo(404);
    }

    @Test
    void shortLinkOfAnUnpublishedArticle_gives410Page_notARedirect() {
        api.publish(ARTICLE);
        String code = api.code(ARTICLE, "facebook");
        api.unpublish(ARTICLE);

        HttpResponse response = api.follow(code, ShareApi.BROWSER);

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(response.headers()).doesNotContainKey("location");
        assertThat(response.body())
                .startsWith("<!DOCTYPE html>")
                .contains("<h1 id=\"unavailable-title\">This article is no longer available</h1>",
                        "<meta name=\"robots\" content=\"noindex, nofollow\">", "The Daily Brief")
                .doesNotContain("Ukraine");
    }

    @Test
    void botsPreviewsAndHeadRequests_areRedirected_butNotCounted() {
        api.publish(ARTICLE);
        String code = api.code(ARTICLE, "x");
        List<String> automated = List.of(
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Twitterbot/1.0",
                "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                "WhatsApp/2.23.20.0 A",
                "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
                "TelegramBot (like TwitterBot)",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1)");
        for (String userAgent : automated) {
            assertThat(api.follow(code, userAgent).status()).isEqualTo(301);
        }
        assertThat(api.head(code).status()).isEqualTo(301);
        assertThat(api.head(code).header("location")).startsWith(CANONICAL);

        api.follow(code, ShareApi.BROWSER);
        api.follow(code, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");

        JsonNode stats = api.stats(ARTICLE, EDITOR).json();
        assertThat(stats.get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aThousandConcurrentClicks_countExactlyAThousand() throws Exception {
        api.publish(ARTICLE);
        String code = api.code(ARTICLE, "facebook");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                clicks.add(() -> api.follow(code, ShareApi.BROWSER).status());
            }
            for (Future<Integer> status : pool.invokeAll(clicks, 90, TimeUnit.SECONDS)) {
                assertThat(status.get()).isEqualTo(301);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode stats = api.stats(ARTICLE, EDITOR).json();
        assertThat(stats.get("total").asLong()).isEqualTo(1000);
        assertThat(channel(stats, "facebook").get("clicks").asLong()).isEqualTo(1000);
    }

    @Test
    void stats_showTotalsPerChannelAndPerDay_withEachShortLink() {
        ShareApi monday = api.at(Clock.fixed(Instant.parse("2025-11-24T09:00:00Z"), ZoneOffset.UTC));
        ShareApi tuesday = api.at(Clock.fixed(Instant.parse("2025-11-25T21:00:00Z"), ZoneOffset.UTC));
        monday.publish(ARTICLE);
        String x = monday.code(ARTICLE, "x");
        String email = monday.code(ARTICLE, "email");
        monday.follow(x, ShareApi.BROWSER);
        monday.follow(x, ShareApi.BROWSER);
        monday.follow(email, ShareApi.BROWSER);
        tuesday.follow(x, ShareApi.BROWSER);

        HttpResponse response = api.stats(ARTICLE, EDITOR);

        assertThat(response.status()).isEqualTo(200);
        JsonNode stats = response.json();
        assertThat(stats.get("total").asLong()).isEqualTo(4);
        assertThat(channel(stats, "x").get("clicks").asLong()).isEqualTo(3);
        assertThat(channel(stats, "x").get("shortUrl").asText()).isEqualTo("https://news.example/s/" + x);
        assertThat(channel(stats, "email").get("clicks").asLong()).isEqualTo(1);
        assertThat(channel(stats, "linkedin").get("clicks").asLong()).isZero();
        assertThat(stats.get("days").toString()).isEqualTo(
                "[{\"date\":\"2025-11-24\",\"total\":3,\"channels\":{\"x\":2,\"email\":1}},"
                        + "{\"date\":\"2025-11-25\",\"total\":1,\"channels\":{\"x\":1}}]");
    }

    private static JsonNode channel(JsonNode stats, String channel) {
        for (JsonNode entry : stats.get("channels")) {
            if (entry.get("channel").asText().equals(channel)) {
                return entry;
            }
        }
        throw new AssertionError("no channel " + channel + " in " + stats);
    }

    @Test
    void stats_needAnEditor_401WithoutToken_403WithoutTheGroup() {
        HttpResponse anonymous = api.stats(ARTICLE, null);
        HttpResponse reader = api.stats(ARTICLE, Map.of("sub", "reader-1", "cognito:groups", "[readers]"));
        HttpResponse unknown = api.stats("no-such-article", EDITOR);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("content-type")).startsWith("application/problem+json");
        assertThat(reader.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void publishedPage_shareBarLinksThroughShortCodes_andOffersCopyLink() {
        api.publish(ARTICLE);

        String page = api.page("news/ukraine-peace-talks/index.html");

        HttpResponse xLink = api.createLink(ARTICLE, "{\"channel\": \"x\"}");
        assertThat(xLink.status()).as("issued when the page was published").isEqualTo(200);
        String x = xLink.json().get("code").asText();
        String copy = api.code(ARTICLE, "copy");
        assertThat(page)
                .contains("href=\"https://x.com/intent/post?url=https%3A%2F%2Fnews.example%2Fs%2F" + x + "&amp;text=")
                .contains("<a class=\"share__link share__link--copy\" href=\"https://news.example/s/" + copy
                        + "\" data-share-copy rel=\"nofollow\">Copy link</a>")
                .contains(">Share on X</a>", ">Share by email</a>", "<p class=\"share__status\" role=\"status\"></p>")
                .containsPattern("<script src=\"/assets/share\\.[0-9a-f]{12}\\.js\" defer></script>")
                .doesNotContain("url=https%3A%2F%2Fnews.example%2Fnews%2F");
    }

    @Test
    void republishing_keepsTheShortLinksReadersAlreadyShared() {
        api.publish(ARTICLE);
        String before = api.code(ARTICLE, "whatsapp");
        api.unpublish(ARTICLE);

        api.publish(ARTICLE);

        assertThat(api.code(ARTICLE, "whatsapp")).isEqualTo(before);
        assertThat(api.follow(before, ShareApi.BROWSER).status()).isEqualTo(301);
    }

    @Test
    void everyShareEvent_inTheEventsFolder_reachesItsRoute() {
        api.publish(ARTICLE);

        assertThat(api.send(ShareApi.event("create-share-link")).status()).isEqualTo(200);
        assertThat(api.send(ShareApi.event("follow-share-link")).status()).isEqualTo(404);
        assertThat(api.send(ShareApi.event("head-share-link")).status()).isEqualTo(404);
        assertThat(api.send(ShareApi.event("get-share-stats")).status()).isEqualTo(200);
    }
}
