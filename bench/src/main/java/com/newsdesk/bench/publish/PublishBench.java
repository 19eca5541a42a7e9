package com.newsdesk.bench.publish;

import com.newsdesk.bench.report.Measurements;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.aws.AwsClients;
import com.newsdesk.core.listing.ListEntries;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.publish.PublishResult;
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
 * P2 and P7: a site of every story of an archive held in the local DynamoDB (articles, lists) and S3, then stories
 * published into it one at a time through the production publisher, each followed by one PutObject of the page it
 * wrote to the same server. The site is seeded as an import would be (each article stored and marked published,
 * lists appended in batches), never through thousands of publishes.
 * Usage: {@code PublishBench ARCHIVE_DIR WARMUP_PUBLISHES MEASURED_PUBLISHES}.
 */
public final class PublishBench {
    private static final int SEED_THREADS = 8;

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
            Settings config = Settings.of(settings);
            AwsClients clients = new AwsClients(config);
            Newsroom newsroom = new Newsroom(config, clients.dynamoDb(), clients.s3(), Clock.systemUTC());

            long seedStart = System.nanoTime();
            List<ArticleArchive.Story> stories = archive.stories();
            // each published story is a copy of an archive story under a new slug: its section, tags and pins
            List<ArticleArchive.Story> models = stories.subList(0, Math.min(stories.size(), warmups + measured));
            seed(newsroom, archive, stories, models);
            System.out.printf("seeded %d published stories in %.1f s%n", stories.size(), (System.nanoTime() - seedStart) / 1e9);

            List<Double> publishMs = new ArrayList<>();
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

                String key = ArticlePaths.objectKey(result.article().publicPath());
                byte[] page = newsroom.s3().getObjectAsBytes(get -> get.bucket(settings.get("SITE_BUCKET")).key(key)).asByteArray();
                started = System.nanoTime();
                newsroom.s3().putObject(put -> put.bucket(settings.get("SITE_BUCKET")).key("bench/put-" + key)
                        .contentType("text/html; charset=utf-8").cacheControl(ArticlePages.PAGE_CACHE_CONTROL), RequestBody.fromBytes(page));
                double put = (System.nanoTime() - started) / 1e6;
                System.out.printf("%s publish %.1f ms, %d objects; PutObject of its page (%d bytes) %.1f ms%n",
                        i < warmups ? "warm-up" : "measured", publish, result.changedPaths().size(), page.length, put);
                if (i >= warmups) {
                    publishMs.add(publish);
                    putMs.add(put);
                    objects.add((double) result.changedPaths().size());
                }
            }
            System.out.println(Measurements.line("p7.publish", array(publishMs)));
            System.out.println(Measurements.line("p7.put", array(putMs)));
            System.out.println(Measurements.line("p2.publish.s", publishMs.stream().mapToDouble(ms -> ms / 1000).toArray()));
            System.out.println(Measurements.line("p2.objects", array(objects)));
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
                StoredArticle created = store.create(story.slug(), article, story.publishedAt());
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
