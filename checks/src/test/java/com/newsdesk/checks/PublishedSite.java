package com.newsdesk.checks;

import com.newsdesk.core.Newsroom;
import com.newsdesk.render.RenderHandler;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.aws.AwsClients;
import com.newsdesk.core.media.MediaLibrary;
import com.newsdesk.media.PhotoRenditions;
import com.newsdesk.core.publish.PublishResult;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A site built the way production builds it: articles saved and published through a {@link Newsroom} into a
 * table and bucket of their own on the local servers, readers' comments and sign-ups sent to the comments
 * function, then everything a reader can fetch, read back.
 */
final class PublishedSite {
    /**
     * One thing a reader can fetch: a bucket object, or a page the API renders on request such as a preview, or
     * one a reader lands on after posting a form ({@code answers/<case>/index.html}).
     */
    record SiteObject(String key, String contentType, byte[] body) {
        String path() {
            return "/" + (key.endsWith("index.html") ? key.substring(0, key.length() - "index.html".length()) : key);
        }

        boolean isPage() {
            return contentType.startsWith("text/html");
        }

        boolean isStylesheet() {
            return contentType.startsWith("text/css");
        }

        /** Feeds and sitemaps; the site's SVG icon is XML too, but an image. */
        boolean isXml() {
            return key.endsWith(".xml") || contentType.contains("xml") && !contentType.startsWith("image/");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Newsroom newsroom;
    private final String bucket;
    private final String uploadsBucket;
    /** The render worker, run after each publish as Lambda's SQS event source would. */
    private final SqsBatches renders;
    private final ReaderForms readers;
    private final Map<String, Article> articlesByPath = new HashMap<>();
    private final Map<String, SiteObject> onRequest = new LinkedHashMap<>();

    private PublishedSite(Newsroom newsroom, String bucket, String uploadsBucket, SqsBatches renders, ReaderForms readers) {
        this.newsroom = newsroom;
        this.bucket = bucket;
        this.uploadsBucket = uploadsBucket;
        this.renders = renders;
        this.readers = readers;
    }

    /**
     * A newsroom on a fresh table and bucket, its clock standing still but where readers take their time to write,
     * so pages do not change between runs; mail goes to a local outbox.
     */
    static PublishedSite empty() {
        LocalServers servers = LocalServers.shared();
        String bucket = servers.newBucket();
        String uploadsBucket = servers.newBucket();
        Path outbox;
        try {
            outbox = Files.createTempDirectory("checks-outbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = LocalSite.settings(servers, servers.newTable(), bucket, Map.of(
                "FORM_TOKEN_SECRET", "page-checks-form-token-secret-of-32-characters-or-more",
                "MAIL_OUTBOX_DIR", outbox.toString(),
                "UPLOADS_BUCKET", uploadsBucket,
                // every page is checked with the sections menu in its masthead and footer, as readers get it
                "SITE_SECTIONS", "news:News,city:City,business:Business"));
        TestClock clock = new TestClock(Instant.parse("2025-11-28T06:30:00Z"));
        Function<Map<String, String>, Newsroom> newsroomWith = overrides -> {
            Map<String, String> merged = new HashMap<>(settings);
            merged.putAll(overrides);
            Settings config = Settings.of(merged);
            AwsClients clients = new AwsClients(config);
            return new Newsroom(config, clients.dynamoDb(), clients.s3(), clients.sqs(), clock);
        };
        Newsroom newsroom = newsroomWith.apply(Map.of());
        return new PublishedSite(newsroom, bucket, uploadsBucket,
                new SqsBatches(servers.sqs(), settings.get("RENDER_QUEUE_URL"), new RenderHandler(newsroom)),
                new ReaderForms(overrides -> new CommentsApi(newsroomWith.apply(overrides)), clock, outbox));
    }

    /** A photo uploaded to the library and processed as the media function does; returns its id. */
    String uploadPhoto(byte[] jpeg) {
        MediaLibrary.Upload upload = newsroom.mediaLibrary().requestUpload(
                "{\"contentType\": \"image/jpeg\"}".getBytes(StandardCharsets.UTF_8), "page-checks");
        String key = upload.form().fields().get("key");
        newsroom.s3().putObject(put -> put.bucket(uploadsBucket).key(key).contentType("image/jpeg"), RequestBody.fromBytes(jpeg));
        newsroom.mediaProcessing(new PhotoRenditions()).process(uploadsBucket, key);
        return upload.item().id().value();
    }

    /** Saves the article as an editor would and publishes it. */
    PublishedSite publish(String slug, byte[] articleJson) {
        Slug id = Slug.of(slug);
        newsroom.articles().save(id, articleJson, OptionalLong.empty());
        PublishResult result = newsroom.publisher().publish(id);
        renders.drain();
        articlesByPath.put(result.article().publicPath(), result.article().published());
        return this;
    }

    /** Saves an author's profile as an editor would; its page is written by the render worker. */
    PublishedSite withAuthor(String slug, String profileJson) {
        newsroom.authors().save(Slug.of(slug), profileJson.getBytes(StandardCharsets.UTF_8));
        renders.drain();
        return this;
    }

    /** Takes the article down as an editor would: its address now serves the page that says so. */
    PublishedSite unpublish(String slug) {
        PublishResult result = newsroom.publisher().unpublish(Slug.of(slug));
        renders.drain();
        articlesByPath.remove(result.article().publicPath());
        return this;
    }

    /** Readers comment on the article and reply, editors approve: the page shows a thread with replies. */
    PublishedSite withCommentThreadOn(String slug) {
        readers.commentThread(slug);
        return this;
    }

    /** Adds every page a reader lands on after posting a comment or signing up for the newsletter. */
    PublishedSite withReaderPages(String commentableSlug, String closedSlug) {
        readers.commentRefusals(commentableSlug, closedSlug);
        readers.newsletter();
        return this;
    }

    /** Adds the editors' preview of the article, served where the API serves it. */
    PublishedSite withPreviewOf(String slug) {
        String path = "/api/articles/" + slug + "/preview/";
        String key = ArticlePaths.objectKey(path);
        onRequest.put(key, page(key, newsroom.publisher().preview(Slug.of(slug))));
        articlesByPath.put(path, newsroom.articles().get(Slug.of(slug)).draft());
        return this;
    }

    private static SiteObject page(String key, String html) {
        return new SiteObject(key, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Every object in the bucket, and the pages answered on request, by key. */
    Map<String, SiteObject> objects() {
        S3Client s3 = newsroom.s3();
        Map<String, SiteObject> objects = new LinkedHashMap<>();
        for (S3Object listed : s3.listObjectsV2Paginator(list -> list.bucket(bucket)).contents()) {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(get -> get.bucket(bucket).key(listed.key()));
            objects.put(listed.key(), new SiteObject(listed.key(), object.response().contentType(), object.asByteArray()));
        }
        objects.putAll(onRequest);
        readers.pages().forEach((name, html) -> {
            String key = "answers/" + name + "/index.html";
            objects.put(key, page(key, html));
        });
        return objects;
    }

    /** The article a page shows, for pages that show one. */
    Article articleAt(String path) {
        return articlesByPath.get(path);
    }
}
