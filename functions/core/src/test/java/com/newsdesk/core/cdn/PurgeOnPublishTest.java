package com.newsdesk.core.cdn;

import com.newsdesk.core.site.Settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.core.Newsroom;
import com.newsdesk.testing.Samples;
import com.newsdesk.testing.TestClock;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.publish.PublishResult;
import com.newsdesk.local.servers.LocalServers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing tells the CDN exactly what to drop, through a real HTTP purge endpoint that can refuse. */
class PurgeOnPublishTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Slug NIGHT_BUSES = Slug.of("night-buses-return");

    private final LocalServers servers = LocalServers.shared();
    private final List<JsonNode> purges = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;
    private HttpServer edge;
    private Newsroom newsroom;
    private String bucket;
    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));

    @BeforeEach
    void start() throws IOException {
        edge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        edge.createContext("/purge", exchange -> {
            JsonNode purge = JSON.readTree(exchange.getRequestBody());
            if (!refusing) {
                purges.add(purge);
            }
            exchange.sendResponseHeaders(refusing ? 503 : 204, -1);
            exchange.close();
        });
        edge.start();
        bucket = servers.newBucket();
        Map<String, String> purgeAtEdge = Map.of("CDN_PURGE_URL", "http://127.0.0.1:" + edge.getAddress().getPort() + "/purge");
        newsroom = Newsroom.from(Settings.of(LocalSite.settings(servers, servers.newTable(), bucket, purgeAtEdge)), clock);
    }

    @AfterEach
    void stop() {
        edge.stop(0);
    }

    @Test
    void firstPublish_purgesTheListPagesByPath_forTheyDidNotShowTheStoryBefore() {
        PublishResult result = publish(NIGHT_BUSES, "Night buses return");

        assertThat(purges).hasSize(1);
        List<String> items = items(purges.get(0));
        assertThat(items).contains("/", "/feed.xml", "/sitemap.xml").noneMatch(item -> item.startsWith("/assets/"));
        assertThat(result.changedPaths()).containsAll(items);
    }

    @Test
    void correction_purgesEveryPageShowingTheStory_withOneTagItem() {
        publish(NIGHT_BUSES, "Night buses return");
        purges.clear();

        publish(NIGHT_BUSES, "Night buses return to six routes");

        assertThat(purges).hasSize(1);
        assertThat(items(purges.get(0))).startsWith("#a:night-buses-return")
                .allMatch(item -> item.startsWith("#") || item.startsWith("/sitemap"));
        assertThat(purges.get(0).get("reference").asText()).isEqualTo("publish:night-buses-return:v2");
    }

    @Test
    void pages_areTaggedWithTheStoriesTheyShow() {
        publish(NIGHT_BUSES, "Night buses return");

        Map<String, String> home = servers.s3().headObject(h -> h.bucket(bucket).key("index.html")).metadata();
        Map<String, String> page = servers.s3().headObject(h -> h.bucket(bucket).key("city/night-buses-return/index.html")).metadata();
        assertThat(home.get("cache-tag").split(",")).contains("l:home", "a:night-buses-return");
        assertThat(page.get("cache-tag").split(",")).contains("a:night-buses-return");
    }

    @Test
    void refusedPurge_doesNotFailThePublish_andIsSentWithTheNextOne() {
        refusing = true;
        PublishResult refused = publish(NIGHT_BUSES, "Night buses return");
        assertThat(refused.changedPaths()).contains("/city/night-buses-return/");
        assertThat(purges).isEmpty();

        refusing = false;
        newsroom.publisher().unpublish(NIGHT_BUSES);

        assertThat(purges).hasSize(2);
        assertThat(purges.get(0).get("reference").asText()).isEqualTo("publish:night-buses-return:v1");
        assertThat(items(purges.get(0))).contains("/");
        assertThat(items(purges.get(1))).contains("#a:night-buses-return");
        newsroom.publisher().unpublish(NIGHT_BUSES);
        assertThat(purges).hasSize(2);
    }

    private PublishResult publish(Slug slug, String headline) {
        ObjectNode article = readSample();
        article.put("title", headline);
        var current = newsroom.store().find(slug);
        newsroom.articles().save(slug, article.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                current.map(stored -> OptionalLong.of(stored.version())).orElse(OptionalLong.empty()));
        clock.advance(Duration.ofMinutes(5));
        return newsroom.publisher().publish(slug);
    }

    private static ObjectNode readSample() {
        try {
            return (ObjectNode) JSON.readTree(Samples.article("night-buses-return"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> items(JsonNode purge) {
        return JSON.convertValue(purge.get("items"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
