package com.newsdesk.core.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.testing.Samples;
import com.newsdesk.testing.TestClock;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticleService;
import com.newsdesk.core.author.AuthorProfiles;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.media.MediaStore;
import com.newsdesk.core.media.MediaUses;
import com.newsdesk.core.listing.RelatedIndex;
import com.newsdesk.core.cdn.CdnPurge;
import com.newsdesk.core.publish.ApprovedComments;
import com.newsdesk.core.pipeline.RenderQueue;
import com.newsdesk.core.pipeline.SqsRenderQueue;
import com.newsdesk.core.publish.ArticlePages;
import com.newsdesk.core.publish.FollowUps;
import com.newsdesk.core.publish.ListPages;
import com.newsdesk.core.publish.Publisher;
import com.newsdesk.core.publish.RenderWorker;
import com.newsdesk.core.publish.StoryFollowUp;
import com.newsdesk.render.RenderHandler;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.core.publish.S3SiteBucket;
import com.newsdesk.core.share.ShareBar;
import com.newsdesk.core.publish.SitePages;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.InlineMarkdown;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.SiteSettings;
import com.newsdesk.core.store.DynamoArticleStore;
import com.newsdesk.local.servers.LocalServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A rebuild writes the site that publishing the same stories one by one leaves in the bucket, byte for byte. */
class SiteRebuildTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SiteSettings SITE = new SiteSettings("The Daily Brief", "https://news.example", "en", ZoneId.of("UTC"), "");

    @TempDir
    Path temp;

    private final TestClock clock = new TestClock(Instant.parse("2025-08-20T06:00:00Z"));
    private final ArticleJson json = new ArticleJson();
    private final SiteAssets assets = new SiteAssets();
    private final StructuredData structuredData = new StructuredData(SITE);
    private final ArticleViews views = new ArticleViews(SITE, new InlineMarkdown(), structuredData, assets);
    private final PageRenderer renderer = new PageRenderer();

    private SiteRebuild rebuild() {
        return new SiteRebuild(json, views, renderer, structuredData, assets, SITE, ApprovedComments.NONE, ShareBar.direct(),
                clock, 2);
    }

    /** A sample article moved to another section with other tags and pins. */
    private static byte[] story(String sample, String title, String section, List<String> tags, List<String> pinned) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(Samples.article(sample));
        node.put("title", title);
        node.putObject("section").put("slug", section).put("name", section.substring(0, 1).toUpperCase() + section.substring(1));
        node.set("tags", JSON.valueToTree(tags));
        node.set("related", JSON.valueToTree(pinned));
        return JSON.writeValueAsBytes(node);
    }

    private static void writeArchive(Path dir, Map<String, byte[]> documents, Map<String, Instant> publishedAt) throws Exception {
        Files.createDirectories(dir);
        StringBuilder manifest = new StringBuilder("slug\tsection\tpublishedAt\n");
        for (var document : documents.entrySet()) {
            Files.write(dir.resolve(document.getKey() + ".json"), document.getValue());
            manifest.append(document.getKey()).append("\tany\t").append(publishedAt.get(document.getKey())).append('\n');
        }
        Files.writeString(dir.resolve("manifest.tsv"), manifest);
    }

    private static Map<String, byte[]> files(Path root) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void rebuild_writesTheSameBytesAsPublishingEachStory_articlePagesListsFeedsAndSitemaps() throws Exception {
        LocalServers servers = LocalServers.shared();
        String table = servers.newTable();
        String bucketName = servers.newBucket();
        DynamoArticleStore store = new DynamoArticleStore(servers.dynamoDb(), table, json);
        ListStore lists = new ListStore(servers.dynamoDb(), table);
        S3SiteBucket bucket = new S3SiteBucket(servers.s3(), bucketName);
        // the newsroom's publishing as Newsroom wires it, with the rebuild's share bar and no comments
        RelatedIndex relatedIndex = new RelatedIndex(servers.dynamoDb(), table);
        String queueUrl = servers.newQueue();
        RenderQueue queue = new SqsRenderQueue(servers.sqs(), queueUrl);
        MediaStore media = new MediaStore(servers.dynamoDb(), table, json.mapper());
        ArticlePages pages = new ArticlePages(store, lists, relatedIndex, new ArticlePages.Rendering(views, renderer, SITE, assets, AuthorProfiles.NONE),
                bucket, ApprovedComments.NONE, ShareBar.direct(), media);
        FollowUps followUps = new FollowUps(servers.dynamoDb(), table, lists);
        SitePages sitePages = new SitePages(lists, views, renderer, bucket, SITE, structuredData, clock, AuthorProfiles.NONE);
        MediaUses mediaUses = new MediaUses(media, store);
        Publisher publisher = new Publisher(store, mediaUses, pages, lists, followUps, queue, CdnPurge.NONE, SITE, clock);
        SqsBatches renders = new SqsBatches(servers.sqs(), queueUrl, new RenderHandler(new RenderWorker(
                new StoryFollowUp(store, lists, relatedIndex, pages, followUps, queue, CdnPurge.NONE, sitePages.home()),
                null, new ListPages(lists, sitePages, CdnPurge.NONE), null, null, queue, 8, System.err)));
        ArticleService articles = new ArticleService(store, json, mediaUses, clock, AuthorProfiles.NONE::has);
        // two sections, overlapping tags, a pin; SitePagesTest covers lists longer than a page
        Map<String, byte[]> documents = new TreeMap<>();
        Map<String, Instant> publishedAt = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            String slug = "story-" + i;
            byte[] document = story(i % 2 == 0 ? "night-buses-return" : "ukraine-peace-talks", "Story " + i + " <&> “quoted”",
                    i % 3 == 0 ? "city" : "world", i % 4 == 0 ? List.of("transport", "council") : List.of("transport", "night economy"),
                    i == 3 ? List.of("story-2") : List.of());
            articles.save(Slug.of(slug), document, OptionalLong.empty());
            clock.advance(Duration.ofMinutes(30));
            publishedAt.put(slug, publisher.publish(Slug.of(slug)).article().publishedAt());
            renders.drain();
            documents.put(slug, document);
        }
        for (String slug : documents.keySet()) {
            // earlier pages show what was related when they were published; a rebuild shows what is related now
            publisher.rerender(Slug.of(slug));
        }
        Map<String, byte[]> published = new TreeMap<>();
        for (S3Object object : servers.s3().listObjectsV2Paginator(b -> b.bucket(bucketName)).contents()) {
            published.put(object.key(), servers.s3().getObjectAsBytes(b -> b.bucket(bucketName).key(object.key())).asByteArray());
        }
        Path archive = temp.resolve("archive");
        writeArchive(archive, documents, publishedAt);

        SiteRebuild.Result result = rebuild().rebuild(new ArticleArchive(archive), new DirectorySiteBucket(temp.resolve("site")),
                SiteRebuild.Related.PINNED_FIRST);

        Map<String, byte[]> rebuilt = files(temp.resolve("site"));
        assertThat(rebuilt.keySet()).containsExactlyElementsOf(published.keySet())
                .contains("city/story-0/index.html", "index.html", "page/1/index.html", "tags/night-economy/index.html",
                        "world/feed.xml", "sitemaps/articles-1.xml", "sitemaps/news.xml", "sitemap.xml", "robots.txt");
        for (String key : published.keySet()) {
            assertThat(new String(rebuilt.get(key), java.nio.charset.StandardCharsets.UTF_8)).as(key)
                    .isEqualTo(new String(published.get(key), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(result.articles()).isEqualTo(4);
        assertThat(result.written()).isEqualTo(published.size());
    }

    @Test
    void everyArchivePageOfALongList_isWritten_oldestStoriesOnPageOne() throws Exception {
        Path archive = temp.resolve("archive");
        Map<String, byte[]> documents = new TreeMap<>();
        Map<String, Instant> publishedAt = new TreeMap<>();
        for (int i = 1; i <= 45; i++) {
            documents.put("story-" + i, story("night-buses-return", "Story number " + i, "city", List.of("transport"), List.of()));
            publishedAt.put("story-" + i, Instant.parse("2025-08-01T00:00:00Z").plus(Duration.ofHours(i)));
        }
        writeArchive(archive, documents, publishedAt);

        SiteRebuild.Result result = rebuild().rebuild(new ArticleArchive(archive), new DirectorySiteBucket(temp.resolve("site")),
                SiteRebuild.Related.PINNED_FIRST);

        Path site = temp.resolve("site");
        for (String list : List.of("", "city/", "tags/transport/")) {
            assertThat(Files.readString(site.resolve(list + "page/1/index.html"))).as(list)
                    .contains("Story number 1<", "Story number 20<").doesNotContain("Story number 21<");
            assertThat(Files.readString(site.resolve(list + "page/3/index.html"))).as(list).contains("Story number 45<");
            assertThat(Files.readString(site.resolve(list + "index.html"))).as(list)
                    .contains("Story number 45<", "href=\"/" + list + "page/2/\"").doesNotContain("Story number 25<");
        }
        // home, section and tag: a front page and three archive pages each, and a feed for home and section
        assertThat(result.listPages()).isEqualTo(3 * 4 + 2);
    }

    @Test
    void rebuildingAgain_writesNothing() throws Exception {
        Path archive = temp.resolve("archive");
        writeArchive(archive, Map.of("a-story", story("night-buses-return", "A story", "city", List.of("transport"), List.of())),
                Map.of("a-story", Instant.parse("2025-08-20T06:00:00Z")));
        DirectorySiteBucket site = new DirectorySiteBucket(temp.resolve("site"));
        rebuild().rebuild(new ArticleArchive(archive), site, SiteRebuild.Related.PINNED_FIRST);

        assertThat(rebuild().rebuild(new ArticleArchive(archive), site, SiteRebuild.Related.PINNED_FIRST).written()).isZero();
    }

    @Test
    void tagsOnly_showsStoriesSharingTags_notThePinnedOne() throws Exception {
        Path archive = temp.resolve("archive");
        Instant start = Instant.parse("2025-08-20T06:00:00Z");
        writeArchive(archive, Map.of(
                "reader", story("night-buses-return", "Reader", "city", List.of("transport"), List.of("pinned-story")),
                "pinned-story", story("night-buses-return", "Pinned story", "world", List.of("elections"), List.of()),
                "tag-mate", story("night-buses-return", "Tag mate", "city", List.of("transport"), List.of())),
                Map.of("reader", start, "pinned-story", start.plusSeconds(60), "tag-mate", start.plusSeconds(120)));

        rebuild().rebuild(new ArticleArchive(archive), new DirectorySiteBucket(temp.resolve("pinned")), SiteRebuild.Related.PINNED_FIRST);
        rebuild().rebuild(new ArticleArchive(archive), new DirectorySiteBucket(temp.resolve("tags")), SiteRebuild.Related.TAGS_ONLY);

        assertThat(Files.readString(temp.resolve("pinned/city/reader/index.html"))).contains("Pinned story", "Tag mate");
        assertThat(Files.readString(temp.resolve("tags/city/reader/index.html"))).contains("Tag mate").doesNotContain("Pinned story");
    }

    @Test
    void anInvalidDocument_stopsTheRebuildNamingTheFile() throws Exception {
        Path archive = temp.resolve("archive");
        ObjectNode broken = (ObjectNode) JSON.readTree(story("night-buses-return", "Broken", "city", List.of(), List.of()));
        broken.putObject("section").put("slug", "../../escape").put("name", "Escape");
        writeArchive(archive, Map.of("broken", JSON.writeValueAsBytes(broken)), Map.of("broken", Instant.parse("2025-08-20T06:00:00Z")));

        assertThatThrownBy(() -> rebuild().rebuild(new ArticleArchive(archive), new DirectorySiteBucket(temp.resolve("site")),
                SiteRebuild.Related.PINNED_FIRST))
                .isInstanceOf(ArchiveUnreadable.class).hasMessageContaining("broken.json", "section slug");
        assertThat(temp.resolve("escape")).doesNotExist();
    }

    @Test
    void documentsMissingWhatAPageNeeds_stopTheRebuildNamingTheFile() throws Exception {
        for (String field : List.of("authors", "body", "section")) {
            Path archive = temp.resolve("archive-" + field);
            ObjectNode document = (ObjectNode) JSON.readTree(story("night-buses-return", "Incomplete", "city", List.of(), List.of()));
            document.remove(field);
            writeArchive(archive, Map.of("incomplete", JSON.writeValueAsBytes(document)),
                    Map.of("incomplete", Instant.parse("2025-08-20T06:00:00Z")));

            assertThatThrownBy(() -> rebuild().rebuild(new ArticleArchive(archive), new DirectorySiteBucket(temp.resolve("site")),
                    SiteRebuild.Related.PINNED_FIRST)).as(field).isInstanceOf(ArchiveUnreadable.class).hasMessageContaining("incomplete.json");
        }
    }

    @Test
    void aTagOfDots_staysInsideTheSiteFolder() throws Exception {
        Path archive = temp.resolve("archive");
        writeArchive(archive, Map.of("climber", story("night-buses-return", "Climber", "city", List.of(".."), List.of())),
                Map.of("climber", Instant.parse("2025-08-20T06:00:00Z")));

        rebuild().rebuild(new ArticleArchive(archive), new DirectorySiteBucket(temp.resolve("site")), SiteRebuild.Related.PINNED_FIRST);

        try (Stream<Path> above = Files.list(temp)) {
            assertThat(above.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("archive", "site");
        }
        assertThat(files(temp.resolve("site")).keySet()).anyMatch(key -> key.matches("tags/tag-[0-9a-f]+/index.html"))
                .allMatch(key -> !key.contains(".."));
    }

}
