package com.newsdesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsdesk.core.site.Settings;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * API Gateway's HTTP API, locally: matches a request to a route of template.yaml, applies the route's JWT
 * authorizer, invokes the function's handler with a payload format 2.0 event and writes back its response.
 */
final class HttpApiGateway implements HttpHandler {
    /** HTTP API's own limit on a request's payload; the functions apply the contract's smaller one. */
    static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    private final HttpApiRoutes routes;
    private final LocalJwtAuthorizer authorizer;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;

    /** @param handlers makes the handler of each function, once: as a Lambda container does at its cold start */
    HttpApiGateway(HttpApiRoutes routes, LocalJwtAuthorizer authorizer,
                   Function<SamFunction, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers) {
        this.routes = routes;
        this.authorizer = authorizer;
        // Each function starts in its own container in AWS; here in parallel, which shortens make run's start.
        this.handlers = routes.all().stream().map(HttpApiRoute::function).distinct().parallel()
                .collect(Collectors.toConcurrentMap(SamFunction::logicalId, handlers));
    }

    @SuppressWarnings("unchecked")
    static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> newHandler(SamFunction function, Settings settings) {
        return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) function.newHandler(settings);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        handle(exchange, Map.of());
    }

    /** @param edgeHeaders headers the CDN in front sets on the way, in place of any the client sent */
    void handle(HttpExchange exchange, Map<String, String> edgeHeaders) throws IOException {
        handle(exchange, exchange.getRequestURI().getRawPath(), edgeHeaders);
    }

    /** @param rawPath the path to route, which a CDN function in front may have changed from the request's */
    void handle(HttpExchange exchange, String rawPath, Map<String, String> edgeHeaders) throws IOException {
        try {
            route(exchange, rawPath, edgeHeaders);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String rawPath, Map<String, String> edgeHeaders) throws IOException {
        String method = exchange.getRequestMethod();
        Optional<HttpApiRoutes.Match> match;
        try {
            match = routes.match(method, rawPath);
        } catch (IllegalArgumentException malformedEscape) {
            Responses.problem(exchange, 400, "Bad Request", "The path is not validly percent-encoded.");
            return;
        }
        if (match.isEmpty()) {
            Responses.problem(exchange, 404, "Not Found", "No route " + method + " " + rawPath + ".");
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            Responses.problem(exchange, 413, "Payload Too Large", "Requests to the API are limited to 10 MB.");
            return;
        }
        HttpApiRoute route = match.get().route();
        Map<String, String> claims = Map.of();
        if (route.jwtRequired()) {
            try {
                claims = authorizer.verify(exchange.getRequestHeaders().getFirst("authorization"));
            } catch (LocalJwtAuthorizer.Unauthorized e) {
                exchange.getResponseHeaders().set("www-authenticate", "Bearer");
                Responses.problem(exchange, 401, "Unauthorized", e.getMessage());
                return;
            }
        }
        String requestId = UUID.randomUUID().toString();
        APIGatewayV2HTTPEvent event = HttpApiEvents.of(exchange, rawPath, edgeHeaders, match.get(), body, claims, requestId);
        APIGatewayV2HTTPResponse response;
        try {
            response = invoke(route.function(), event, requestId);
        } catch (RuntimeException e) {
            // In AWS the failure lands in the function's log and the client gets API Gateway's bare 500.
            e.printStackTrace();
            Responses.problem(exchange, 500, "Internal Server Error", "The function failed; its log has the reason.");
            return;
        }
        write(exchange, response);
    }

    private APIGatewayV2HTTPResponse invoke(SamFunction function, APIGatewayV2HTTPEvent event, String requestId) {
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = handlers.get(function.logicalId());
        // A Lambda instance serves one request at a time; handlers may rely on that.
        synchronized (handler) {
            return handler.handleRequest(event, LocalLambdaContext.invocation(function, requestId));
        }
    }

    /** The body, or {@code null} when it is over API Gateway's limit; read to the end either way, so the client hears the answer. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            return body;
        }
    }

    private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        if (response == null || response.getStatusCode() < 100) {
            Responses.problem(exchange, 500, "Internal Server Error", "The function returned no status code.");
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(headers::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add("set-cookie", cookie));
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        Responses.send(exchange, response.getStatusCode(), null, bytes);
    }
}
