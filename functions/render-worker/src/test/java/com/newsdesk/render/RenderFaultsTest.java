package com.newsdesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.aws.DependencyUnavailable;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.FaultProxy;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.testing.BucketSnapshot;
import com.newsdesk.testing.FaultyAws;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.testing.Samples;
import com.newsdesk.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The render queue repairs what a fault interrupted, with no editor acting: S3 refuses every write for twenty
 * seconds in the middle of a burst of publishes, and once it is back the worker's retries leave the bucket as an
 * undisturbed run leaves it.
 */
class RenderFaultsTest {
    private static final int STORIES = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    private final LocalServers servers = LocalServers.shared();
    private final FaultyAws faults = new FaultyAws();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
        faults.close();
    }

    private final class Site {
        final String bucket = servers.newBucket();
        final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
        final Newsroom newsroom;
        final SqsBatches renders;

        Site(Map<String, String> settings) {
            newsroom = Newsroom.from(Settings.of(LocalSite.settings(servers, servers.newTable(), bucket, settings)), clock);
            renders = new SqsBatches(servers.sqs(), newsroom.settings().required("RENDER_QUEUE_URL"), new RenderHandler(newsroom));
        }

        /** Publishes story {@code i}; false if the answer was a 503 (the story's own page not written). */
        boolean publish(int i) {
            Slug slug = Slug.of("story-" + i);
            newsroom.articles().save(slug, Samples.article(i % 2 == 0 ? "night-buses-return" : "ukraine-peace-talks"), OptionalLong.empty());
            clock.advance(Duration.ofMinutes(1));
            try {
                newsroom.publisher().publish(slug);
                return true;
            } catch (DependencyUnavailable | SdkException e) {
                // what the articles function answers with 503
                return false;
            }
        }
    }

    @Test
    void s3RefusingWritesForTwentySecondsMidBurst_endsInTheBucketOfAnUndisturbedRun_withNoEditorAction() {
        Site undisturbed = new Site(Map.of());
        for (int i = 0; i < STORIES; i++) {
            undisturbed.publish(i);
            undisturbed.renders.drain();
        }

        Site disturbed = new Site(faults.settings());
        int answered503 = 0;
        for (int i = 0; i < STORIES; i++) {
            if (i == STORIES / 2) {
                faults.s3.inject(FaultProxy.Fault.refuse());
                timer.schedule(faults.s3::clear, OUTAGE.toMillis(), TimeUnit.MILLISECONDS);
            }
            answered503 += disturbed.publish(i) ? 0 : 1;
            disturbed.renders.drain();
        }
        disturbed.renders.drain(OUTAGE.plusSeconds(60));

        assertThat(answered503).as("publishes answered 503 while S3 refused").isEqualTo(STORIES - STORIES / 2);
        assertThat(BucketSnapshot.of(servers.s3(), disturbed.bucket)).isEqualTo(BucketSnapshot.of(servers.s3(), undisturbed.bucket));
        for (int i = 0; i < STORIES; i++) {
            assertThat(disturbed.newsroom.publisher().followUp(Slug.of("story-" + i)).complete()).as("story-" + i).isTrue();
        }
    }
}
