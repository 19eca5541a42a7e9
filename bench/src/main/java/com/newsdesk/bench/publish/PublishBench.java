package com.newsdesk.bench.publish;

import com.newsdesk.bench.report.Measurements;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.SavedBy;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.aws.AwsClients;
import com.newsdesk.core.listing.ListEntries;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.publish.PublishResult;
import com.newsdesk.core.publish.S3SiteBucket;
import com.newsdesk.core.publish.SiteBucket;
import com.newsdesk.core.publish.SiteRerender;
import com.newsdesk.core.store.DynamoArticleStore;
import com.newsdesk.render.RenderHandler;
import com.newsdesk.testing.CallCounter;
import com.newsdesk.local.servers.SqsBatches;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import com.newsdesk.core.publish.ArticlePages;
import com.newsdesk.core.publish.Publisher;
import com.newsdesk.core.rebuild.ArticleArchive;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.local.servers.SamTemplate;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * P2, P7-P10: a site of every story of an archive held in the local DynamoDB (articles, lists) and S3, then stories
 * published into it one at a time through the production publisher, each followed by one PutObject of the page it
 * wrote to the same server. The site is seeded as an import would be (each article stored and marked published,
 * lists appended in batches), never through thousands of publishes.
 * Usage: {@code PublishBench ARCHIVE_DIR WARMUP_PUBLISHES MEASURED_PUBLISHES}.
 */
public final class PublishBench {
    private static final int SEED_THREADS = 8;
    private static final int WORKERS = 2;
    private static final int BURST = 32;
    /** A list's front page: the home page, a section's or a tag's, not an article or an archive page. */
    private static final Pattern LIST_FRONT_PAGE = Pattern.compile("index\\.html|[^/]+/index\\.html|tags/[^/]+/index\\.html");

    private PublishBench() {}

    public static void main(String[] args) throws Exception {
        ArticleArchive archive = new ArticleArchive(Path.of(args[0]));
        int warmups = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        try (LocalServers servers = LocalServers.inMemory(SamTemplate.ofRepository())) {
            Map<String, String> settings = new HashMap<>(servers.settings());
            settings.put("TABLE_NAME", servers.newTable());
            settings.put("SITE_BUCKET", servers.newBucket());
            settings.put("SITE_BASE_URL", "https://news.example.org");
            settings.put("SITE_NAME", "Example News");
            settings.put("RENDER_QUEUE_URL", servers.newQueue());
            Settings config = Settings.of(settings);
            AwsClients clients = new AwsClients(config);
            ArticleJson json = new ArticleJson();
            CallCounter listRenders = new CallCounter();
            Newsroom newsroom = new Newsroom(config, clients.dynamoDb(), clients.s3(), clients.sqs(), json,
                    new DynamoArticleStore(clients.dynamoDb(), settings.get("TABLE_NAME"), json),
                    listRenders.wrap(SiteBucket.class, new S3SiteBucket(clients.s3(), settings.get("SITE_BUCKET")), "put",
                            call -> LIST_FRONT_PAGE.matcher((String) call[0]).matches()),
                    Clock.systemUTC());
            RenderWorkers workers = new RenderWorkers(new SqsBatches(clients.sqs(), settings.get("RENDER_QUEUE_URL"),
                    new RenderHandler(newsroom)), WORKERS);

            long seedStart = System.nanoTime();
            List<ArticleArchive.Story> stories = archive.stories();
            // each published story is a copy of an archive story under a new slug: its section, tags and pins
            List<ArticleArchive.Story> models = stories.subList(0, Math.min(stories.size(), warmups + measured));
            seed(newsroom, archive, stories, models);
            System.out.printf("seeded %d published stories in %.1f s%n", stories.size(), (System.nanoTime() - seedStart) / 1e9);

            List<Double> publishMs = new ArrayList<>();
            List<Double> derivedMs = new ArrayList<>();
            List<Double> putMs = new ArrayList<>();
            List<Double> objects = new ArrayList<>();
            Publisher publisher = newsroom.publisher();
            for (int i = 0; i < warmups + measured; i++) {
                ArticleArchive.Story model = models.get(i % models.size());
                Slug slug = Slug.of("bench-publish-" + i);
                newsroom.articles().save(slug, archive.document(model.slug()), OptionalLong.empty());
                long started = System.nanoTime();
                PublishResult result = publisher.publish(slug);
                double publish = (System.nanoTime() - started) / 1e6;
                awaitFollowUp(publisher, slug);
                double derived = (System.nanoTime() - started) / 1e6;

                String key = ArticlePaths.objectKey(result.article().publicPath());
                byte[] page = newsroom.s3().getObjectAsBytes(get -> get.bucket(settings.get("SITE_BUCKET")).key(key)).asByteArray();
                started = System.nanoTime();
                newsroom.s3().putObject(put -> put.bucket(settings.get("SITE_BUCKET")).key("bench/put-" + key)
                        .contentType("text/html; charset=utf-8").cacheControl(ArticlePages.PAGE_CACHE_CONTROL), RequestBody.fromBytes(page));
                double put = (System.nanoTime() - started) / 1e6;
                System.out.printf("%s publish %.1f ms, derived pages %.1f ms; PutObject of its page (%d bytes) %.1f ms%n",
                        i < warmups ? "warm-up" : "measured", publish, derived, page.length, put);
                if (i >= warmups) {
                    publishMs.add(publish);
                    derivedMs.add(derived);
                    putMs.add(put);
                    objects.add((double) result.changedPaths().size());
                }
            }
            System.out.println(Measurements.line("p7.publish", array(publishMs)));
            System.out.println(Measurements.line("p8.derived", array(derivedMs)));
            burst(newsroom, publisher, archive, models.get(0), listRenders, workers);
            rerender(newsroom, workers, stories.size());
            workers.close();
            System.out.println(Measurements.line("p7.put", array(putMs)));
            System.out.println(Measurements.line("p2.publish.s", publishMs.stream().mapToDouble(ms -> ms / 1000).toArray()));
            System.out.println(Measurements.line("p2.objects", array(objects)));
        }
    }

    /**
     * P9: {@value #BURST} stories published into one new section one after another, each followed by its renders,
     * then as many at once while the workers run; the list front pages rendered in each case.
     */
    private static void burst(Newsroom newsroom, Publisher publisher, ArticleArchive archive, ArticleArchive.Story model,
                              CallCounter listRenders, RenderWorkers workers) throws Exception {
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(archive.document(model.slug()));
        for (String mode : List.of("sequential", "concurrent")) {
            document.putObject("section").put("slug", "burst-" + mode).put("name", "Burst " + mode);
            document.remove("related");
            List<Slug> slugs = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                Slug slug = Slug.of("burst-" + mode + "-" + i);
                newsroom.articles().save(slug, document.toString().getBytes(StandardCharsets.UTF_8), OptionalLong.empty());
                slugs.add(slug);
            }
            int before = listRenders.calls();
            long started = System.nanoTime();
            if (mode.equals("sequential")) {
                for (Slug slug : slugs) {
                    publisher.publish(slug);
                    awaitFollowUp(publisher, slug);
                }
            } else {
                ExecutorService editors = Executors.newFixedThreadPool(BURST);
                List<Future<PublishResult>> publishes = new ArrayList<>();
                slugs.forEach(slug -> publishes.add(editors.submit(() -> publisher.publish(slug))));
                for (Future<PublishResult> publish : publishes) {
                    publish.get();
                }
                editors.shutdown();
                slugs.forEach(slug -> awaitFollowUp(publisher, slug));
            }
            System.out.printf("%d publishes into one section, %s: %d list front pages rendered, %.1f s%n", BURST, mode,
                    listRenders.calls() - before, (System.nanoTime() - started) / 1e9);
            System.out.println(Measurements.line("p9." + mode, listRenders.calls() - before));
        }
    }

    /** P10: every story and list of the site rendered again through the queue by the workers. */
    private static void rerender(Newsroom newsroom, RenderWorkers workers, int stories) {
        long started = System.nanoTime();
        SiteRerender.Job job = newsroom.siteRerender().start("bench");
        while (!(job = newsroom.siteRerender().job(job.id())).finished()) {
            sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("site re-render of %d stories through the queue with %d workers: %d messages, %d changed, %.1f s%n",
                stories, WORKERS, job.total(), job.changed(), seconds);
        System.out.println(Measurements.line("p10.queue.wall", seconds));
    }

    private static void awaitFollowUp(Publisher publisher, Slug slug) {
        while (!publisher.followUp(slug).complete()) {
            sleep(5);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The render worker run by {@code count} threads polling the queue, as the event source runs it. */
    private static final class RenderWorkers implements AutoCloseable {
        private final ExecutorService threads;
        private volatile boolean running = true;

        RenderWorkers(SqsBatches queue, int count) {
            threads = Executors.newFixedThreadPool(count);
            for (int i = 0; i < count; i++) {
                threads.submit(() -> {
                    while (running) {
                        if (!queue.runBatch()) {
                            sleep(2);
                        }
                    }
                    return null;
                });
            }
        }

        @Override
        public void close() {
            running = false;
            threads.shutdown();
        }
    }

    /**
     * Stores and publishes every story, then appends them in publication order to the home page, their sections and
     * the tags the published stories will join: a publish reads and writes only its own lists, and dynalite takes
     * about a second per thousand list entries, so the other tags' lists would cost minutes and change nothing.
     */
    private static void seed(Newsroom newsroom, ArticleArchive archive, List<ArticleArchive.Story> stories,
                             List<ArticleArchive.Story> models) throws Exception {
        ArticleStore store = newsroom.store();
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        List<Future<StoredArticle>> stored = new ArrayList<>();
        for (ArticleArchive.Story story : stories) {
            stored.add(pool.submit(() -> {
                Article article = newsroom.json().readStored(archive.document(story.slug()));
                StoredArticle created = store.create(story.slug(), article, SavedBy.SYSTEM, story.publishedAt());
                return store.markPublished(created, story.publishedAt(), story.publishedAt());
            }));
        }
        List<StoredArticle> oldestFirst = new ArrayList<>();
        for (Future<StoredArticle> article : stored) {
            oldestFirst.add(article.get());
        }
        oldestFirst.sort(Comparator.comparing(StoredArticle::publishedAt));
        Set<String> publishedTags = new HashSet<>();
        for (ArticleArchive.Story model : models) {
            newsroom.json().readStored(archive.document(model.slug())).tags().forEach(tag -> publishedTags.add(ListName.tag(tag).key()));
        }
        Map<String, ListName> names = new LinkedHashMap<>();
        Map<String, List<ListEntry>> members = new LinkedHashMap<>();
        ListName home = ListName.home(newsroom.site().name());
        for (StoredArticle story : oldestFirst) {
            Article shown = story.published();
            List<ListName> lists = new ArrayList<>(List.of(home, ListName.section(shown.section().slug(), shown.section().name())));
            shown.tags().stream().map(ListName::tag).filter(tag -> publishedTags.contains(tag.key())).forEach(lists::add);
            for (ListName list : lists) {
                names.putIfAbsent(list.key(), list);
                members.computeIfAbsent(list.key(), key -> new ArrayList<>()).add(ListEntries.of(story));
            }
        }
        ListStore listStore = new ListStore(newsroom.dynamoDb(), newsroom.tableName());
        List<Future<?>> appends = new ArrayList<>();
        members.forEach((key, entries) -> appends.add(pool.submit(() -> listStore.appendAll(names.get(key), entries))));
        for (Future<?> append : appends) {
            append.get();
        }
        pool.shutdown();
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
