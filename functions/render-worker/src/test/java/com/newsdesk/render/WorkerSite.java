package com.newsdesk.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.testing.Samples;
import com.newsdesk.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * A newsroom on a table, bucket and render queue of its own on the shared local servers, on a clock the test
 * moves, with the render worker run through its handler as Lambda's event source runs it.
 */
public final class WorkerSite {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final LocalServers servers = LocalServers.shared();
    public final String bucket = servers.newBucket();
    public final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    public final Newsroom newsroom;
    public final SqsBatches renders;

    /** @param settings the functions' settings to add or replace, e.g. the CDN's purge endpoint */
    public WorkerSite(Map<String, String> settings) {
        newsroom = Newsroom.from(Settings.of(LocalSite.settings(servers, servers.newTable(), bucket, settings)), clock);
        renders = new SqsBatches(servers.sqs(), newsroom.settings().required("RENDER_QUEUE_URL"), new RenderHandler(newsroom));
    }

    public String object(String key) {
        return servers.s3().getObjectAsBytes(get -> get.bucket(bucket).key(key)).asUtf8String();
    }

    /** The night-buses sample under another headline, recommending nothing of its own. */
    public static byte[] article(String title) {
        try {
            ObjectNode article = (ObjectNode) JSON.readTree(Samples.article("night-buses-return"));
            article.put("title", title);
            article.remove("related");
            return article.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
