package com.newsdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The local edge's purge API, which the functions' {@code HttpCdnPurge} calls where CloudFront's CreateInvalidation
 * is called in AWS: {@code POST {"reference": "...", "items": ["#a:slug", "/news/slug/"]}}. It listens on its own
 * loopback port, never on the site's, so a reader cannot empty the cache.
 */
final class PurgeEndpoint implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EdgeCache cache;

    PurgeEndpoint(EdgeCache cache) {
        this.cache = cache;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("allow", "POST");
                Responses.problem(exchange, 405, "Method not allowed", "Purges are POSTed.");
                return;
            }
            List<String> items = items(exchange.getRequestBody().readAllBytes());
            if (items == null) {
                Responses.problem(exchange, 400, "Bad purge", "Send {\"reference\": \"...\", \"items\": [\"#tag\" or \"/path\", ...]}.");
                return;
            }
            int dropped = cache.purge(items);
            Responses.send(exchange, 200, "application/json",
                    JSON.writeValueAsBytes(JSON.createObjectNode().put("dropped", dropped)));
        } finally {
            exchange.close();
        }
    }

    /** The purge's items, or null if the body is not a purge. */
    private static List<String> items(byte[] body) {
        JsonNode purge;
        try {
            purge = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            return null;
        }
        if (purge == null || !purge.path("reference").isTextual() || !purge.path("items").isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : purge.path("items")) {
            if (!item.isTextual() || !(item.asText().startsWith("#") || item.asText().startsWith("/"))) {
                return null;
            }
            items.add(item.asText());
        }
        return items;
    }
}
