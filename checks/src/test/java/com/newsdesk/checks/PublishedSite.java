package com.newsdesk.checks;

import com.newsdesk.core.Newsroom;
import com.newsdesk.render.RenderHandler;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.aws.AwsClients;
import com.newsdesk.core.publish.PublishResult;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A site built the way production builds it: articles saved and published through a {@link Newsroom} into a
 * table and bucket of their own on the local servers, then everything a reader can fetch, read back.
 */
final class PublishedSite {
    /** One thing a reader can fetch: a bucket object, or a page the API renders on request such as a preview. */
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

        boolean isXml() {
            return key.endsWith(".xml") || contentType.contains("xml");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Newsroom newsroom;
    private final String bucket;
    /** The render worker, run after each publish as Lambda's SQS event source would. */
    private final SqsBatches renders;
    private final Map<String, Article> articlesByPath = new HashMap<>();
    private final Map<String, SiteObject> previews = new LinkedHashMap<>();

    private PublishedSite(Newsroom newsroom, String bucket, SqsBatches renders) {
        this.newsroom = newsroom;
        this.bucket = bucket;
        this.renders = renders;
    }

    /** A newsroom on a fresh table and bucket, its clock stopped so pages do not change between runs. */
    static PublishedSite empty() {
        LocalServers servers = LocalServers.shared();
        String bucket = servers.newBucket();
        Map<String, String> settings = new HashMap<>(servers.settings());
        settings.put("TABLE_NAME", servers.newTable());
        settings.put("SITE_BUCKET", bucket);
        settings.put("SITE_BASE_URL", "https://news.example");
        settings.put("SITE_NAME", "The Daily Brief");
        settings.put("RENDER_QUEUE_URL", servers.newQueue());
        Settings config = Settings.of(settings);
        AwsClients clients = new AwsClients(config);
        Clock clock = Clock.fixed(Instant.parse("2025-11-28T06:30:00Z"), ZoneOffset.UTC);
        Newsroom newsroom = new Newsroom(config, clients.dynamoDb(), clients.s3(), clients.sqs(), clock);
        return new PublishedSite(newsroom, bucket,
                new SqsBatches(clients.sqs(), settings.get("RENDER_QUEUE_URL"), new RenderHandler(newsroom)));
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

    /** Adds the editors' preview of the article, served where the API serves it. */
    PublishedSite withPreviewOf(String slug) {
        String path = "/api/articles/" + slug + "/preview/";
        String key = ArticlePaths.objectKey(path);
        String html = newsroom.publisher().preview(Slug.of(slug));
        previews.put(key, new SiteObject(key, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
        articlesByPath.put(path, newsroom.articles().get(Slug.of(slug)).draft());
        return this;
    }

    /** Every object in the bucket, and the previews, by key. */
    Map<String, SiteObject> objects() {
        S3Client s3 = newsroom.s3();
        Map<String, SiteObject> objects = new LinkedHashMap<>();
        for (S3Object listed : s3.listObjectsV2Paginator(list -> list.bucket(bucket)).contents()) {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(get -> get.bucket(bucket).key(listed.key()));
            objects.put(listed.key(), new SiteObject(listed.key(), object.response().contentType(), object.asByteArray()));
        }
        objects.putAll(previews);
        return objects;
    }

    /** The article a page shows, for pages that show one. */
    Article articleAt(String path) {
        return articlesByPath.get(path);
    }
}
