package com.newsdesk.articles;

import com.newsdesk.core.site.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.render.RenderHandler;
import com.newsdesk.core.Newsroom;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.publish.S3SiteBucket;
import com.newsdesk.core.store.DynamoArticleStore;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Drives {@link ArticlesHandler} with HTTP API events as API Gateway sends them, against a table and bucket of
 * its own on the shared local servers.
 */
final class EditorApi {
    static final ObjectMapper JSON = new ObjectMapper();

    final LocalServers servers = LocalServers.shared();
    final String table = servers.newTable();
    final String bucket = servers.newBucket();
    final Newsroom newsroom;
    final ArticlesHandler handler;
    /** What Lambda's SQS event source does for the render worker, run after each request until the queue is empty. */
    final SqsBatches renders;
    /** False to look at what a publish left queued before the worker runs. */
    boolean followEachRequest = true;

    EditorApi() {
        this(Clock.systemUTC(), Map.of());
    }

    /** @param settings the functions' settings to add or replace, e.g. endpoints and timeouts */
    EditorApi(Clock clock, Map<String, String> settings) {
        this.newsroom = Newsroom.from(Settings.of(LocalSite.settings(servers, table, bucket, settings)), clock);
        this.handler = new ArticlesHandler(newsroom);
        this.renders = renders(newsroom);
    }

    /** @param wrapStore wraps the table's article store, e.g. to let another save land on cue */
    EditorApi(UnaryOperator<ArticleStore> wrapStore) {
        ArticleJson json = new ArticleJson();
        this.newsroom = new Newsroom(Settings.of(LocalSite.settings(servers, table, bucket, Map.of())), servers.dynamoDb(),
                servers.s3(), servers.sqs(), json, wrapStore.apply(new DynamoArticleStore(servers.dynamoDb(), table, json)),
                new S3SiteBucket(servers.s3(), bucket), Clock.systemUTC());
        this.handler = new ArticlesHandler(newsroom);
        this.renders = renders(newsroom);
    }

    private SqsBatches renders(Newsroom newsroom) {
        return new SqsBatches(servers.sqs(), newsroom.settings().required("RENDER_QUEUE_URL"), new RenderHandler(newsroom));
    }


    /** A request to a route of the editors' function, from an editor; {@code slug} fills in {@code {slug}}, if given. */
    static HttpApiEvent request(String method, String routeTemplate, String slug) {
        HttpApiEvent request = HttpApiEvent.request(method, routeTemplate).editor();
        return slug == null ? request : request.slug(slug);
    }

    HttpResponse send(HttpApiEvent request) {
        HttpResponse response = HttpResponse.of(request, handler.handleRequest(request.event(), null));
        if (followEachRequest) {
            renders.drain();
        }
        return response;
    }

    HttpResponse put(String slug, byte[] body, String ifMatch) {
        HttpApiEvent request = request("PUT", "/api/articles/{slug}", slug).json(body);
        if (ifMatch != null) {
            request.header("if-match", ifMatch);
        }
        return send(request);
    }

    HttpResponse get(String slug) {
        return send(request("GET", "/api/articles/{slug}", slug));
    }

    HttpResponse post(String slug, String action) {
        return send(request("POST", "/api/articles/{slug}/" + action, slug));
    }
}
