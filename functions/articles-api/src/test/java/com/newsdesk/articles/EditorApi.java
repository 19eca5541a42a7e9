package com.newsdesk.articles;

import com.newsdesk.core.site.Settings;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.testing.QueueDrain;
import com.newsdesk.render.RenderHandler;
import com.newsdesk.core.Newsroom;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.publish.S3SiteBucket;
import com.newsdesk.core.store.DynamoArticleStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Drives {@link ArticlesHandler} with HTTP API events as API Gateway sends them, against a table and bucket of
 * its own on the shared local servers.
 */
final class EditorApi {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]");

    final LocalServers servers = LocalServers.shared();
    final String table = servers.newTable();
    final String bucket = servers.newBucket();
    final Newsroom newsroom;
    final ArticlesHandler handler;
    /** What Lambda's SQS event source does for the render worker, run after each request until the queue is empty. */
    final QueueDrain renders;
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

    private QueueDrain renders(Newsroom newsroom) {
        return new QueueDrain(servers.sqs(), newsroom.settings().required("RENDER_QUEUE_URL"), new RenderHandler(newsroom));
    }


    static Request request(String method, String routeTemplate, String slug) {
        return new Request(method, routeTemplate, slug);
    }

    static final class Request {
        final APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        final Map<String, String> headers = new HashMap<>();

        Request(String method, String routeTemplate, String slug) {
            event.setVersion("2.0");
            event.setRouteKey(method + " " + routeTemplate);
            event.setRawPath(slug == null ? routeTemplate : routeTemplate.replace("{slug}", slug));
            if (slug != null) {
                event.setPathParameters(Map.of("slug", slug));
            }
            event.setHeaders(headers);
            APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
            context.setRequestId(UUID.randomUUID().toString());
            context.setRouteKey(event.getRouteKey());
            APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
            http.setMethod(method);
            http.setSourceIp("203.0.113.7");
            context.setHttp(http);
            event.setRequestContext(context);
            claims(EDITOR);
        }

        Request claims(Map<String, String> claims) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(claims);
            authorizer.setJwt(jwt);
            event.getRequestContext().setAuthorizer(claims == null ? null : authorizer);
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request query(Map<String, String> query) {
            event.setQueryStringParameters(query);
            return this;
        }

        Request json(byte[] body) {
            header("content-type", "application/json");
            event.setBody(java.util.Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(true);
            return this;
        }

        Request text(String contentType, String body) {
            header("content-type", contentType);
            event.setBody(body);
            return this;
        }
    }

    HttpResponse send(Request request) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request.event, null);
        if (followEachRequest) {
            renders.drain();
        }
        return new HttpResponse(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    HttpResponse put(String slug, byte[] body, String ifMatch) {
        Request request = request("PUT", "/api/articles/{slug}", slug).json(body);
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
