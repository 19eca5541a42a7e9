package com.newsdesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.publish.FollowUps;
import com.newsdesk.core.publish.PublishResult;
import com.newsdesk.core.publish.S3SiteBucket;
import com.newsdesk.core.publish.SiteBucket;
import com.newsdesk.core.site.Settings;
import com.newsdesk.core.store.DynamoArticleStore;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.testing.CallCounter;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Publishing through the render queue, on ElasticMQ with the real SQS client: the publish answers with the story
 * live and the rest queued; the worker brings every list up to date; a burst coalesces.
 */
class RenderPipelineTest {
    /** The front pages of the lists a story of the sample's section and tag lands in. */
    private static final Set<String> FRONT_PAGES = Set.of("index.html", "city/index.html", "tags/transport/index.html");

    private final LocalServers servers = LocalServers.shared();

    /** A newsroom on a table, bucket and queue of its own, counting renders of list front pages. */
    private final class Site {
        final String table = servers.newTable();
        final String bucket = servers.newBucket();
        final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
        final CallCounter frontPageRenders = new CallCounter();
        final Newsroom newsroom;
        final SqsBatches renders;

        Site() {
            Settings settings = Settings.of(LocalSite.settings(servers, table, bucket, Map.of()));
            ArticleJson json = new ArticleJson();
            newsroom = new Newsroom(settings, servers.dynamoDb(), servers.s3(), servers.sqs(), json,
                    new DynamoArticleStore(servers.dynamoDb(), table, json), frontPageRenders.wrap(SiteBucket.class,
                            new S3SiteBucket(servers.s3(), bucket), "put", args -> FRONT_PAGES.contains(args[0])), clock);
            renders = new SqsBatches(servers.sqs(), settings.required("RENDER_QUEUE_URL"), new RenderHandler(newsroom));
        }

        void save(String slug, String title) {
            newsroom.articles().save(Slug.of(slug), WorkerSite.article(title), OptionalLong.empty());
        }

        PublishResult publish(String slug) {
            return newsroom.publisher().publish(Slug.of(slug));
        }

        String object(String key) {
            return servers.s3().getObjectAsBytes(get -> get.bucket(bucket).key(key)).asUtf8String();
        }

        boolean exists(String key) {
            return !servers.s3().listObjectsV2(list -> list.bucket(bucket).prefix(key)).contents().isEmpty();
        }

        /** Every page of the list, front and archive, as one text. */
        String allPages(String front) {
            StringBuilder pages = new StringBuilder(object(front + "index.html"));
            for (int page = 1; exists(front + "page/" + page + "/index.html"); page++) {
                pages.append(object(front + "page/" + page + "/index.html"));
            }
            return pages.toString();
        }
    }

    @Test
    void publish_answersWithTheStoryLive_andItsListsQueued_thenTheWorkerWritesThem() {
        Site site = new Site();
        site.save("night-buses-return", "Night buses return");

        PublishResult published = site.publish("night-buses-return");

        assertThat(site.object("city/night-buses-return/index.html")).contains("Night buses return");
        assertThat(site.exists("index.html")).isFalse();
        assertThat(published.derived().complete()).isFalse();
        assertThat(published.derived().queued()).containsExactly("/", "/city/", "/tags/transport/", "/tags/night-economy/", "/tags/council/");
        assertThat(site.newsroom.publisher().followUp(Slug.of("night-buses-return")).complete()).isFalse();

        site.renders.drain();

        for (String key : List.of("index.html", "feed.xml", "city/index.html", "city/feed.xml", "tags/transport/index.html",
                "sitemaps/articles-1.xml", "sitemaps/news.xml")) {
            assertThat(site.object(key)).as(key).contains("/city/night-buses-return/");
        }
        FollowUps.Status done = site.newsroom.publisher().followUp(Slug.of("night-buses-return"));
        assertThat(done.complete()).isTrue();
        assertThat(done.done()).containsExactly("/", "/city/", "/tags/transport/", "/tags/night-economy/", "/tags/council/");
    }

    @Test
    void unpublish_takesThePageDownAtOnce_andTheWorkerTakesTheStoryOutOfEveryList() {
        Site site = new Site();
        site.save("night-buses-return", "Night buses return");
        site.publish("night-buses-return");
        site.renders.drain();

        PublishResult taken = site.newsroom.publisher().unpublish(Slug.of("night-buses-return"));

        assertThat(site.object("city/night-buses-return/index.html")).doesNotContain("Night buses return");
        assertThat(taken.derived().queued()).contains("/", "/city/");
        site.renders.drain();
        for (String key : List.of("index.html", "feed.xml", "city/index.html", "sitemaps/articles-1.xml", "sitemaps/news.xml")) {
            assertThat(site.object(key)).as(key).doesNotContain("/city/night-buses-return/");
        }
        assertThat(site.newsroom.publisher().followUp(Slug.of("night-buses-return")).complete()).isTrue();
    }

    @Test
    void thirtyTwoPublishesAtOnce_allAppearOnEveryList_withAtMostHalfAgainTheRendersOfOneAfterAnother() throws Exception {
        int stories = 32;
        Site oneByOne = new Site();
        for (int i = 0; i < stories; i++) {
            oneByOne.save("story-" + i, "Story " + i);
            oneByOne.publish("story-" + i);
            oneByOne.renders.drain();
        }

        Site atOnce = new Site();
        for (int i = 0; i < stories; i++) {
            atOnce.save("story-" + i, "Story " + i);
        }
        ExecutorService editors = Executors.newFixedThreadPool(stories + 2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean publishing = new AtomicBoolean(true);
        List<Future<?>> running = new ArrayList<>();
        // two workers poll while the editors publish, as the event source does
        for (int worker = 0; worker < 2; worker++) {
            running.add(editors.submit(() -> {
                while (publishing.get()) {
                    if (!atOnce.renders.runBatch()) {
                        Thread.onSpinWait();
                    }
                }
                return null;
            }));
        }
        List<Future<?>> publishes = new ArrayList<>();
        for (int i = 0; i < stories; i++) {
            String slug = "story-" + i;
            publishes.add(editors.submit(() -> {
                start.await();
                return atOnce.publish(slug);
            }));
        }
        start.countDown();
        for (Future<?> publish : publishes) {
            publish.get(60, TimeUnit.SECONDS);
        }
        publishing.set(false);
        for (Future<?> worker : running) {
            worker.get(60, TimeUnit.SECONDS);
        }
        editors.shutdown();
        atOnce.renders.drain(Duration.ofSeconds(30));

        for (int i = 0; i < stories; i++) {
            String path = "/city/story-" + i + "/";
            assertThat(atOnce.allPages("")).as("home pages").contains(path);
            assertThat(atOnce.allPages("city/")).as("section pages").contains(path);
            assertThat(atOnce.allPages("tags/transport/")).as("tag pages").contains(path);
            assertThat(atOnce.object("sitemaps/articles-1.xml")).as("sitemap").contains(path);
            assertThat(atOnce.object("sitemaps/news.xml")).as("news sitemap").contains(path);
        }
        assertThat(atOnce.object("feed.xml").split("<item>")).as("feed items").hasSize(20 + 1);
        System.out.printf("front page renders: %d one by one, %d at once%n", oneByOne.frontPageRenders.calls(),
                atOnce.frontPageRenders.calls());
        assertThat(atOnce.frontPageRenders.calls()).as("front page renders at once, against %d one by one",
                oneByOne.frontPageRenders.calls()).isLessThanOrEqualTo(oneByOne.frontPageRenders.calls() * 3 / 2);
    }

}
