package com.newsdesk.checks;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsdesk.comments.CommentsFunction;
import com.newsdesk.core.Newsroom;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The comments function as API Gateway invokes it: each request an HTTP API event for one route, from a reader
 * address of its own so that rate limits never decide what a page says.
 */
final class CommentsApi {
    private static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]");
    private static final String FORM = "application/x-www-form-urlencoded";

    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function;
    private final AtomicInteger readers = new AtomicInteger();

    CommentsApi(Newsroom newsroom) {
        this.function = CommentsFunction.on(newsroom);
    }

    /** A browser following a link: it asks for HTML. */
    HttpResponse get(String route, Map<String, String> pathParameters, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = event("GET", route, pathParameters);
        event.getHeaders().put("accept", "text/html,application/xhtml+xml");
        event.setQueryStringParameters(query);
        return send(event);
    }

    /** A browser posting a form with JavaScript off. */
    HttpResponse postForm(String route, Map<String, String> pathParameters, Map<String, String> fields) {
        APIGatewayV2HTTPEvent event = event("POST", route, pathParameters);
        event.getHeaders().put("content-type", FORM);
        event.setBody(fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")));
        return send(event);
    }

    /** An editor's JSON request, signed in. */
    HttpResponse editorPost(String route, Map<String, String> pathParameters, String json) {
        APIGatewayV2HTTPEvent event = event("POST", route, pathParameters);
        event.getHeaders().put("content-type", "application/json");
        event.setBody(json);
        var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(EDITOR);
        var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        event.getRequestContext().setAuthorizer(authorizer);
        return send(event);
    }

    /** The route's answer; anything but {@code expectedStatus} means the visit went wrong, not the page. */
    static HttpResponse expect(int expectedStatus, HttpResponse response) {
        if (response.status() != expectedStatus) {
            throw new IllegalStateException("expected " + expectedStatus + ", the comments function answered "
                    + response.status() + ": " + response.body());
        }
        return response;
    }

    private APIGatewayV2HTTPEvent event(String method, String route, Map<String, String> pathParameters) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        String path = route;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        event.setVersion("2.0");
        event.setRouteKey(method + " " + route);
        event.setRawPath(path);
        event.setHeaders(new HashMap<>());
        event.setPathParameters(new LinkedHashMap<>(pathParameters));
        event.setIsBase64Encoded(false);
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        int reader = readers.incrementAndGet();
        http.setSourceIp("198.51.100." + reader);
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setRequestId(UUID.randomUUID().toString());
        context.setRouteKey(event.getRouteKey());
        context.setHttp(http);
        event.setRequestContext(context);
        return event;
    }

    private HttpResponse send(APIGatewayV2HTTPEvent event) {
        return HttpResponse.of(HttpApiEvent.of(event), function.handleRequest(event, null));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
