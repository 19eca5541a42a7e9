package com.newsdesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.articles.ArticlesHandler;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.render.RenderHandler;
import com.newsdesk.testing.BrowserUpload;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.publish.S3SiteBucket;
import com.newsdesk.core.store.DynamoArticleStore;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.local.servers.S3Notifications;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.LocalSite;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The media routes and the media function against a table, site bucket, uploads bucket and render queue of their
 * own on the shared local servers; files are posted to S3Proxy with the form the API signed ({@code BrowserUpload}).
 * The editors' article routes and the render worker share them, for articles that use the photos.
 */
final class MediaDesk {
    final LocalServers servers = LocalServers.shared();
    final String table = servers.newTable();
    final String siteBucket = servers.newBucket();
    final String uploadsBucket = servers.newBucket();
    private final Map<String, String> settings = LocalSite.settings(servers, table, siteBucket, Map.of("UPLOADS_BUCKET", uploadsBucket));
    /** What Lambda's SQS event source does for the render worker. */
    final SqsBatches renders = new SqsBatches(servers.sqs(), settings.get("RENDER_QUEUE_URL"), new RenderHandler(Settings.of(settings)));

    /** The routes, with the function's clock reading {@code clock}. */
    MediaApiHandler api(Clock clock) {
        return new MediaApiHandler(newsroom(clock));
    }

    MediaFunction function() {
        return new MediaFunction(newsroom(Clock.systemUTC()));
    }

    /** The media function with a render queue that does not exist: sending to it fails. */
    MediaFunction functionWithoutItsQueue() {
        Map<String, String> broken = new HashMap<>(settings);
        broken.put("RENDER_QUEUE_URL", settings.get("RENDER_QUEUE_URL") + "-missing");
        return new MediaFunction(Newsroom.from(Settings.of(broken), Clock.systemUTC()));
    }

    ArticlesHandler articles() {
        return new ArticlesHandler(Settings.of(settings));
    }

    /** The newsroom with its article store wrapped, e.g. to let a delete land between a save's checks and its write. */
    Newsroom newsroom(UnaryOperator<ArticleStore> wrapStore) {
        ArticleJson json = new ArticleJson();
        return new Newsroom(Settings.of(settings), servers.dynamoDb(), servers.s3(), servers.sqs(), json,
                wrapStore.apply(new DynamoArticleStore(servers.dynamoDb(), table, json)), new S3SiteBucket(servers.s3(), siteBucket),
                Clock.systemUTC());
    }

    private Newsroom newsroom(Clock clock) {
        return Newsroom.from(Settings.of(settings), clock);
    }

    HttpResponse send(MediaApiHandler api, HttpApiEvent event) {
        return HttpResponse.of(event, api.handleRequest(event.event(), null));
    }

    HttpResponse requestUpload(MediaApiHandler api, String body) {
        return send(api, HttpApiEvent.request("POST", "/api/media").editor().json(body));
    }

    HttpResponse item(MediaApiHandler api, String id) {
        return send(api, HttpApiEvent.request("GET", "/api/media/{id}").editor().path("id", id));
    }

    /** Asks for a form, posts the file with it as a browser would, and hands S3's event to the media function. */
    JsonNode uploadAndProcess(MediaApiHandler api, MediaFunction function, byte[] file, String contentType) {
        HttpResponse asked = requestUpload(api, "{\"contentType\": \"" + contentType + "\", \"size\": " + file.length + "}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().get("id").asText();
        BrowserUpload.Answer posted = BrowserUpload.post(asked.json().get("upload"), file, contentType);
        assertThat(posted.status()).as(posted.body()).isEqualTo(204);
        notifyUpload(function, id);
        HttpResponse item = item(api, id);
        assertThat(item.status()).isEqualTo(200);
        return item.json();
    }

    /** S3's event for what is now at {@code key} of the uploads bucket, handed to the media function. */
    void notifyUpload(MediaFunction function, String key) {
        var head = servers.s3().headObject(object -> object.bucket(uploadsBucket).key(key));
        S3Event event = S3Notifications.objectCreated(uploadsBucket, key, head.contentLength(), head.eTag());
        function.handleRequest(event, null);
    }

    boolean uploaded(String key) {
        return servers.s3().listObjectsV2(list -> list.bucket(uploadsBucket).prefix(key)).keyCount() > 0;
    }

    /** Every key of the site bucket under media/. */
    List<String> mediaFiles() {
        return servers.s3().listObjectsV2(list -> list.bucket(siteBucket).prefix("media/")).contents().stream()
                .map(object -> object.key()).toList();
    }

    byte[] siteFile(String url) {
        String key = URI.create(url).getPath().substring(1);
        return servers.s3().getObjectAsBytes(get -> get.bucket(siteBucket).key(key)).asByteArray();
    }

    String cacheControl(String url) {
        String key = URI.create(url).getPath().substring(1);
        return servers.s3().headObject(head -> head.bucket(siteBucket).key(key)).cacheControl();
    }
}
