package com.newsdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CDN in front of the site bucket, locally, as the distribution's bucket behaviour is: the template's
 * viewer-request function decides what a path means (or answers it itself), the {@link EdgeCache} gives the object
 * at the resulting key with the headers S3 answers it with, its metadata as {@code x-amz-meta-*}, and the
 * template's viewer-response function makes the reader's answer of that. A key the bucket lacks is S3's 404, which,
 * as in CloudFront, no viewer-response function sees: the origin group's {@link Failover} answers it instead. The
 * response headers policy ({@link SecurityHeaders}) is applied last. Nothing but a single object is ever read: no
 * listing.
 */
final class BucketSite implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /**
     * The origin group's second member, which CloudFront asks, with the same path, when the bucket answers 403 or
     * 404; it writes the whole response.
     */
    @FunctionalInterface
    interface Failover {
        void answer(HttpExchange exchange, String path) throws IOException;
    }

    private final EdgeCache cache;
    private final CloudFrontFunctions functions;
    private final SecurityHeaders securityHeaders;
    private final Failover failover;

    BucketSite(EdgeCache cache, CloudFrontFunctions functions, SecurityHeaders securityHeaders, Failover failover) {
        this.cache = cache;
        this.functions = functions;
        this.securityHeaders = securityHeaders;
        this.failover = failover;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("allow", "GET, HEAD");
            send(exchange, 405, new byte[0]);
            return;
        }
        ObjectNode event = EdgeEvents.viewerRequest(exchange);
        JsonNode forwarded = functions.viewerRequest(event);
        if (forwarded.has("statusCode")) {
            send(exchange, forwarded, new byte[0]);
            return;
        }
        Optional<String> key = objectKey(forwarded.path("uri").asText());
        if (key.isEmpty()) {
            // S3's own answer to a path it cannot decode; the viewer-request function refuses these first
            send(exchange, 400, new byte[0]);
            return;
        }
        EdgeCache.Lookup lookup = cache.get(key.get());
        exchange.getResponseHeaders().set("x-cache", lookup.hit() ? "Hit from local edge" : "Miss from local edge");
        if (lookup.object().isEmpty()) {
            // CloudFront runs no viewer-response function on an origin's answer of 400 or more.
            securityHeaders.applyTo(exchange.getResponseHeaders());
            failover.answer(exchange, forwarded.path("uri").asText());
            return;
        }
        OriginObject found = lookup.object().get();
        ObjectNode response = event.putObject("response").put("statusCode", 200).put("statusDescription", "OK");
        ObjectNode headers = response.putObject("headers");
        put(headers, "content-type", found.contentType());
        put(headers, "cache-control", found.cacheControl());
        put(headers, "etag", found.eTag());
        put(headers, "last-modified", found.lastModified() == null ? null : HTTP_DATE.format(found.lastModified()));
        found.metadata().forEach((name, value) -> put(headers, "x-amz-meta-" + name.toLowerCase(Locale.ROOT), value));
        event.with("context").put("eventType", CloudFrontFunctions.VIEWER_RESPONSE);
        send(exchange, functions.viewerResponse(event), found.body());
    }

    /** The bucket key of a request's uri, decoded as S3 decodes it; empty if S3 could not. */
    static Optional<String> objectKey(String uri) {
        try {
            return Optional.of(URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8).substring(1));
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
    }

    /** A response in CloudFront Functions' shape; its body if it has one, else the origin's. */
    private void send(HttpExchange exchange, JsonNode response, byte[] originBody) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.path("headers").fields().forEachRemaining(header -> {
            JsonNode values = header.getValue().path("multiValue");
            if (values.isArray() && !values.isEmpty()) {
                values.forEach(value -> headers.add(header.getKey(), value.path("value").asText()));
            } else {
                headers.set(header.getKey(), header.getValue().path("value").asText());
            }
        });
        int status = response.path("statusCode").asInt();
        if (status == 200 && matches(exchange.getRequestHeaders().getFirst("if-none-match"), headers.getFirst("etag"))) {
            send(exchange, 304, new byte[0]);
            return;
        }
        send(exchange, status, body(response.path("body"), originBody));
    }

    private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        securityHeaders.applyTo(exchange.getResponseHeaders());
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head && body.length > 0) {
            exchange.getResponseHeaders().set("content-length", Integer.toString(body.length));
        }
        boolean bodySent = body.length > 0 && !head && status != 304;
        exchange.sendResponseHeaders(status, bodySent ? body.length : -1);
        if (bodySent) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A function's body: a string, or {@code {data, encoding: text | base64}}; none keeps the origin's. */
    private static byte[] body(JsonNode body, byte[] originBody) {
        if (body.isTextual()) {
            return body.asText().getBytes(StandardCharsets.UTF_8);
        }
        if (body.isObject()) {
            String data = body.path("data").asText();
            return body.path("encoding").asText().equals("base64")
                    ? Base64.getDecoder().decode(data)
                    : data.getBytes(StandardCharsets.UTF_8);
        }
        return originBody;
    }

    private static void put(ObjectNode headers, String name, String value) {
        if (value != null) {
            headers.putObject(name).put("value", value);
        }
    }

    private static boolean matches(String ifNoneMatch, String eTag) {
        if (ifNoneMatch == null) {
            return false;
        }
        List<String> candidates = List.of(ifNoneMatch.split("\\s*,\\s*"));
        return candidates.stream().map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(eTag));
    }
}
