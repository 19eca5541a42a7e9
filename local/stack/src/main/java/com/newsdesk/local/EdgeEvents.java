package com.newsdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

/**
 * The event CloudFront hands a viewer-request function (CloudFront Functions event structure, version 1.0): the
 * request's method, its path as sent ({@code uri}), its query string, headers and cookies as objects of
 * {@code {value}} (with {@code multiValue} for a repeated name), names lower-cased, values as the viewer sent them
 * (still percent-encoded), and the viewer's address.
 */
final class EdgeEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EdgeEvents() {}

    static ObjectNode viewerRequest(HttpExchange exchange) {
        ObjectNode event = JSON.createObjectNode().put("version", "1.0");
        event.putObject("context")
                .put("distributionDomainName", exchange.getRequestHeaders().getFirst("host"))
                .put("distributionId", "LOCAL")
                .put("eventType", CloudFrontFunctions.VIEWER_REQUEST)
                .put("requestId", UUID.randomUUID().toString());
        event.putObject("viewer").put("ip", exchange.getRemoteAddress().getAddress().getHostAddress());
        ObjectNode request = event.putObject("request")
                .put("method", exchange.getRequestMethod())
                .put("uri", path(exchange.getRequestURI()));
        ObjectNode querystring = request.putObject("querystring");
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    add(querystring, equals < 0 ? pair : pair.substring(0, equals), equals < 0 ? "" : pair.substring(equals + 1));
                }
            }
        }
        ObjectNode headers = request.putObject("headers");
        ObjectNode cookies = request.putObject("cookies");
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value -> {
            if (name.equalsIgnoreCase("cookie")) {
                for (String cookie : value.split(";\\s*")) {
                    int equals = cookie.indexOf('=');
                    add(cookies, equals < 0 ? cookie : cookie.substring(0, equals), equals < 0 ? "" : cookie.substring(equals + 1));
                }
            } else {
                add(headers, name.toLowerCase(Locale.ROOT), value);
            }
        }));
        return event;
    }

    /**
     * The path as the request line has it. {@code java.net.URI} reads {@code //evil.example/login} as a host and
     * the path {@code /login}; CloudFront's {@code uri} is the whole of it.
     */
    private static String path(URI target) {
        if (target.getScheme() != null) {
            return target.getRawPath();
        }
        String pathAndQuery = target.getRawSchemeSpecificPart();
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    /** The first value as {@code value}; from the second on, every value in {@code multiValue} as well. */
    private static void add(ObjectNode fields, String name, String value) {
        ObjectNode field = (ObjectNode) fields.get(name);
        if (field == null) {
            fields.putObject(name).put("value", value);
            return;
        }
        ArrayNode all = field.has("multiValue") ? (ArrayNode) field.get("multiValue")
                : field.putArray("multiValue").add(JSON.createObjectNode().put("value", field.path("value").asText()));
        all.add(JSON.createObjectNode().put("value", value));
    }
}
