package com.newsdesk.share;

import com.newsdesk.core.site.Settings;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.render.RenderHandler;
import com.newsdesk.core.Newsroom;
import com.newsdesk.testing.Samples;
import com.newsdesk.core.article.Slug;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.local.servers.Repository;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sends {@link ShareHandler} the events of {@code events/}, adjusted per test, against a table and bucket of its
 * own on the shared local servers. Articles are written and published through the newsroom's own services.
 */
final class ShareApi {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    final LocalServers servers = LocalServers.shared();
    final String table = servers.newTable();
    final String bucket = servers.newBucket();
    final Newsroom newsroom;
    final ShareHandler handler;

    /** The functions' settings added to or replaced, e.g. endpoints and timeouts. */
    private final Map<String, String> settings;

    ShareApi() {
        this(Map.of());
    }

    ShareApi(Map<String, String> settings) {
        this.settings = settings;
        this.newsroom = newsroom(table, bucket, Clock.systemUTC());
        this.handler = new ShareHandler(newsroom);
    }

    private ShareApi(ShareApi same, Clock clock) {
        this.settings = same.settings;
        this.newsroom = newsroom(same.table, same.bucket, clock);
        this.handler = new ShareHandler(newsroom);
    }

    /** The same table and bucket, as a function whose clock reads {@code clock}. */
    ShareApi at(Clock clock) {
        return new ShareApi(this, clock);
    }

    private Newsroom newsroom(String table, String bucket, Clock clock) {
        return Newsroom.from(Settings.of(LocalSite.settings(servers, table, bucket, settings)), clock);
    }

    /** Saves a sample article as a draft and publishes it. */
    void publish(String sample) {
        Slug slug = Slug.of(sample);
        if (newsroom.store().find(slug).isEmpty()) {
            newsroom.articles().save(slug, Samples.article(sample), OptionalLong.empty());
        }
        newsroom.publisher().publish(slug);
        followUp();
    }

    /** The render worker, as Lambda's SQS event source runs it, until the queue is empty. */
    private void followUp() {
        new SqsBatches(servers.sqs(), newsroom.settings().required("RENDER_QUEUE_URL"), new RenderHandler(newsroom)).drain();
    }

    /**
     * Takes away the short links the share bar created when the article was published, as for an article published
     * before short links existed: its first request for each channel then creates the code.
     */
    void forgetShortLinks(String slug) {
        var mappings = servers.dynamoDb().query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :share)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ARTICLE#" + slug), ":share", AttributeValue.fromS("SHARE#"))))
                .items();
        for (Map<String, AttributeValue> mapping : mappings) {
            servers.dynamoDb().deleteItem(delete -> delete.tableName(table).key(Map.of("pk", mapping.get("pk"), "sk", mapping.get("sk"))));
            servers.dynamoDb().deleteItem(delete -> delete.tableName(table).key(Map.of(
                    "pk", AttributeValue.fromS("SHARE#" + mapping.get("code").s()), "sk", AttributeValue.fromS("LINK"))));
        }
    }

    void unpublish(String sample) {
        newsroom.publisher().unpublish(Slug.of(sample));
        followUp();
    }

    String page(String key) {
        return servers.s3().getObjectAsBytes(get -> get.bucket(bucket).key(key)).asUtf8String();
    }


    /** An event of {@code events/}, e.g. {@code follow-share-link}, to adjust before sending. */
    static HttpApiEvent event(String name) {
        return HttpApiEvent.of(EventLoader.loadApiGatewayHttpEvent(Repository.root().resolve("events/" + name + ".json").toString()));
    }

    HttpResponse send(HttpApiEvent event) {
        return HttpResponse.of(event, handler.handleRequest(event.event(), null));
    }

    HttpResponse createLink(String slug, String body) {
        return createLink(slug, body, "203.0.113.24");
    }

    HttpResponse createLink(String slug, String body, String clientAddress) {
        return send(event("create-share-link").slug(slug).json(body).from(clientAddress));
    }

    /** The short link's code for the article and channel, created if need be. */
    String code(String slug, String channel) {
        return createLink(slug, "{\"channel\": \"" + channel + "\"}").json().get("code").asText();
    }

    HttpResponse follow(String code, String userAgent) {
        return follow("follow-share-link", code, userAgent);
    }

    HttpResponse head(String code) {
        return follow("head-share-link", code, BROWSER);
    }

    /** @param userAgent {@code null} for a request without one */
    private HttpResponse follow(String eventName, String code, String userAgent) {
        return send(event(eventName).path("code", code).header("user-agent", userAgent));
    }

    /** The stats route with the claims the authorizer passed on; {@code null} for a request it let through bare. */
    HttpResponse stats(String slug, Map<String, String> claims) {
        return send(event("get-share-stats").slug(slug).claims(claims));
    }
}
