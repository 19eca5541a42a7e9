package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.TestClock;
import com.newsdesk.local.servers.LocalServers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** What the local edge keeps, for how long (from the Cache-Control the publisher wrote), and what a purge drops. */
class EdgeCacheTest {

    private final LocalServers servers = LocalServers.shared();
    private final String bucket = servers.newBucket();
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final BucketOrigin origin = new BucketOrigin(servers.s3(), bucket);
    private final EdgeCache cache = new EdgeCache(origin, clock);

    @Test
    void expiredCopy_isRevalidated_andKeptWhenTheBucketStillHasIt() {
        put("news/story/index.html", "first", List.of("a:story"));
        cache.get("news/story/index.html");
        clock.advance(Duration.ofSeconds(61));

        EdgeCache.Lookup revalidated = cache.get("news/story/index.html");
        long fetches = origin.fetches();
        EdgeCache.Lookup fresh = cache.get("news/story/index.html");

        assertThat(body(revalidated)).isEqualTo("first");
        assertThat(fresh.hit()).isTrue();
        assertThat(origin.fetches()).isEqualTo(fetches);
    }

    @Test
    void expiredCopy_ofAChangedObject_isTheNewOne() {
        put("news/story/index.html", "first", List.of("a:story"));
        cache.get("news/story/index.html");
        put("news/story/index.html", "second", List.of("a:story"));

        assertThat(body(cache.get("news/story/index.html"))).as("fresh, not purged: the cached copy").isEqualTo("first");
        clock.advance(Duration.ofSeconds(61));
        assertThat(body(cache.get("news/story/index.html"))).isEqualTo("second");
    }

    @Test
    void purgeByTag_dropsEveryObjectShowingTheStory_andNothingElse() {
        put("news/story/index.html", "story", List.of("a:story"));
        put("index.html", "front page", List.of("a:story", "a:other"));
        put("news/other/index.html", "other", List.of("a:other"));
        List.of("news/story/index.html", "index.html", "news/other/index.html").forEach(cache::get);

        int dropped = cache.purge(List.of("#a:story"));

        assertThat(dropped).isEqualTo(2);
        assertThat(cache.get("news/other/index.html").hit()).isTrue();
        assertThat(cache.get("index.html").hit()).isFalse();
    }

    @Test
    void purgeByPath_dropsThePageTheCleanUrlNames() {
        put("news/story/index.html", "story", List.of());
        cache.get("news/story/index.html");

        cache.purge(List.of("/news/story/"));

        assertThat(cache.get("news/story/index.html").hit()).isFalse();
    }

    private void put(String key, String body, List<String> tags) {
        servers.s3().putObject(put -> put.bucket(bucket).key(key).contentType("text/html; charset=utf-8")
                        .cacheControl("public, max-age=10, s-maxage=60")
                        .metadata(tags.isEmpty() ? Map.of() : Map.of("cache-tag", String.join(",", tags))),
                RequestBody.fromString(body));
    }

    private static String body(EdgeCache.Lookup lookup) {
        return new String(lookup.object().orElseThrow().body(), StandardCharsets.UTF_8);
    }

    @Test
    void articlePage_isKeptForItsSharedMaxAge_notTheBrowsersMaxAge() {
        assertThat(EdgeCache.sharedLifetime("public, max-age=60, s-maxage=31536000")).hasValue(Duration.ofDays(365));
    }

    @Test
    void objectWithOnlyMaxAge_isKeptThatLong() {
        assertThat(EdgeCache.sharedLifetime("public, max-age=300")).hasValue(Duration.ofMinutes(5));
    }

    @Test
    void noStorePrivateOrNoCachingSaid_isNotKept() {
        assertThat(EdgeCache.sharedLifetime("no-store")).isEmpty();
        assertThat(EdgeCache.sharedLifetime("private, max-age=600")).isEmpty();
        assertThat(EdgeCache.sharedLifetime(null)).isEmpty();
        assertThat(EdgeCache.sharedLifetime("max-age=soon")).isEmpty();
    }

    @Test
    void noCache_isKeptButRevalidatedEveryTime() {
        assertThat(EdgeCache.sharedLifetime("no-cache, s-maxage=600")).hasValue(Duration.ZERO);
    }
}
