package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * A stale copy is revalidated, not fetched again: the edge asks the bucket with the copy's ETag, and on "304 Not
 * Modified" keeps serving the very copy it holds, as CloudFront does with a conditional GET to its origin.
 */
class EdgeCacheRevalidationTest {
    private static final String KEY = "news/story/index.html";

    private final LocalServers servers = LocalServers.shared();
    private final String bucket = servers.newBucket();
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
    private final EdgeCache cache = new EdgeCache(new BucketOrigin(servers.s3(), bucket), clock);

    @Test
    void staleCopy_ofAnUnchangedObject_isTheCachedCopy_confirmedNotDownloaded() {
        servers.s3().putObject(put -> put.bucket(bucket).key(KEY).contentType("text/html; charset=utf-8")
                .cacheControl("public, max-age=10, s-maxage=60").metadata(Map.of("cache-tag", "a:story")),
                RequestBody.fromString("first"));
        EdgeCache.Lookup cached = cache.get(KEY);
        clock.advance(Duration.ofSeconds(61));

        EdgeCache.Lookup revalidated = cache.get(KEY);

        assertThat(revalidated.hit()).isFalse();
        assertThat(revalidated.object().orElseThrow()).isSameAs(cached.object().orElseThrow());
    }
}
