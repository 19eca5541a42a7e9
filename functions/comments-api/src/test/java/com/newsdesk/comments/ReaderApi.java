package com.newsdesk.comments;

import com.newsdesk.core.site.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.render.RenderHandler;
import com.newsdesk.core.Newsroom;
import com.newsdesk.testing.TestClock;
import com.newsdesk.testing.Samples;
import com.newsdesk.core.article.Slug;
import com.newsdesk.local.servers.LocalServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Drives {@link CommentsHandler} with HTTP API events as API Gateway sends them, against a table and bucket of its
 * own on the shared local servers, on a clock the test moves. Articles are created and published through the
 * newsroom's own services, as the editors' function would. Every response is kept, so a test can search them all.
 */
final class ReaderApi {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "test-form-token-secret-of-at-least-32-characters";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern COMMENTER_LINK = Pattern.compile(
            "https://news\\.example/api/articles/([a-z0-9-]+)/comments/([0-9a-z-]+)/receipt\\?confirm=([A-Za-z0-9_-]+)");

    final LocalServers servers = LocalServers.shared();
    final String table = servers.newTable();
    final String bucket = servers.newBucket();
    final Path outbox;
    final TestClock clock = new TestClock(Instant.now());
    final Newsroom newsroom;
    final CommentsHandler handler;
    /** The render worker, run after each publish as Lambda's SQS event source would. */
    final SqsBatches renders;
    final List<HttpResponse> responses = Collections.synchronizedList(new ArrayList<>());

    ReaderApi() {
        this(Map.of());
    }

    ReaderApi(Map<String, String> extraSettings) {
        try {
            this.outbox = Files.createTempDirectory("outbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new HashMap<>();
        settings.put("FORM_TOKEN_SECRET", SECRET);
        settings.put("MAIL_OUTBOX_DIR", outbox.toString());
        settings.putAll(extraSettings);
        this.newsroom = Newsroom.from(Settings.of(LocalSite.settings(servers, table, bucket, settings)), clock);
        this.handler = new CommentsHandler(newsroom);
        this.renders = new SqsBatches(servers.sqs(), newsroom.settings().required("RENDER_QUEUE_URL"), new RenderHandler(newsroom));
    }


    /** Creates and publishes a sample article under {@code slug}, optionally with comments turned off. */
    void publish(String sample, String slug, boolean commentsEnabled) {
        try {
            ObjectNode article = (ObjectNode) JSON.readTree(Samples.article(sample));
            article.put("commentsEnabled", commentsEnabled);
            newsroom.articles().save(Slug.of(slug), JSON.writeValueAsBytes(article), OptionalLong.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newsroom.publisher().publish(Slug.of(slug));
        renders.drain();
    }

    void publish(String slug) {
        publish("ukraine-peace-talks", slug, true);
    }

    /** The page in the bucket, as the CDN serves it. */
    String page(String slug) {
        String page = servers.s3().getObjectAsBytes(get -> get.bucket(bucket).key("news/" + slug + "/index.html")).asUtf8String();
        responses.add(new HttpResponse(200, Map.of(), page));
        return page;
    }

    /** Every item of the table whose sort key starts so, e.g. {@code COMMENT#}. */
    List<Map<String, AttributeValue>> items(String sortKeyPrefix) {
        return servers.dynamoDb().scanPaginator(scan -> scan.tableName(table)).items().stream()
                .filter(item -> item.get("sk").s().startsWith(sortKeyPrefix))
                .toList();
    }


    /** A request to a route of the readers' function, from a reader of its own address, so rate limits bite only where a test wants them. */
    static HttpApiEvent request(String method, String route) {
        int n = ADDRESSES.incrementAndGet();
        return HttpApiEvent.request(method, route).from("198.51." + (n / 250 % 250) + "." + (n % 250 + 1));
    }

    HttpResponse send(HttpApiEvent request) {
        HttpResponse kept = HttpResponse.of(request, handler.handleRequest(request.event(), null));
        responses.add(kept);
        return kept;
    }

    /** A comment's fields, as a reader fills in the form. */
    static Map<String, String> comment(String name, String email, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("body", body);
        return fields;
    }

    /** Fetches a form token for the article, as the page's script does when the reader starts on the form. */
    String token(String slug) {
        HttpResponse response = send(request("GET", "/api/articles/{slug}/comment-token").slug(slug));
        if (response.status() != 200) {
            throw new IllegalStateException("token route answered " + response.status() + ": " + response.body());
        }
        return response.json().get("token").asText();
    }

    /** A reader who fetched the token, took a minute to write, and posted as JSON. */
    HttpResponse post(String slug, Map<String, String> fields) {
        return send(request("POST", "/api/articles/{slug}/comments").slug(slug).json(fields));
    }

    /** Posts with a token fetched a minute earlier: the way a reader with JavaScript on posts. */
    HttpResponse postWithToken(String slug, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("token", token(slug));
        clock.advance(Duration.ofMinutes(1));
        return post(slug, withToken);
    }

    /** The mails in the outbox, oldest first. */
    List<String> mails() {
        try (var files = Files.list(outbox)) {
            return files.sorted().map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the newest commenter confirmation link mailed to {@code address}, in a browser. */
    HttpResponse followCommenterLink(String address) {
        String mail = mails().stream().filter(text -> text.startsWith("To: " + address + "\r\n")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no mail to " + address));
        var link = COMMENTER_LINK.matcher(mail);
        if (!link.find()) {
            throw new IllegalStateException("no confirmation link in " + mail);
        }
        return send(request("GET", "/api/articles/{slug}/comments/{id}/receipt").slug(link.group(1)).path("id", link.group(2))
                .query("confirm", link.group(3)).header("accept", "text/html"));
    }

    HttpResponse moderate(String slug, String id, String action) {
        return send(request("POST", "/api/articles/{slug}/comments/{id}/moderation").slug(slug).path("id", id).editor()
                .json(Map.of("action", action)));
    }

    HttpResponse approve(String slug, String id) {
        return moderate(slug, id, "approve");
    }

    HttpResponse queue(String status) {
        return send(request("GET", "/api/comments").editor().query("status", status));
    }
}
