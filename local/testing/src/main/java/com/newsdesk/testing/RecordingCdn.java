package com.newsdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A purge endpoint as the local edge cache has one ({@code CDN_PURGE_URL}), keeping every purge it accepts; it can
 * refuse them (503), as a CDN out of reach would.
 */
public final class RecordingCdn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> purges = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    public RecordingCdn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/purge", exchange -> {
            JsonNode purge = JSON.readTree(exchange.getRequestBody());
            if (!refusing) {
                purges.add(purge);
            }
            exchange.sendResponseHeaders(refusing ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    /** The setting that sends a function's purges here. */
    public Map<String, String> settings() {
        return Map.of("CDN_PURGE_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/purge");
    }

    public void refuse(boolean refusing) {
        this.refusing = refusing;
    }

    /** Each accepted purge's items by its reference, in the order they came. */
    public Map<String, List<String>> purges() {
        Map<String, List<String>> byReference = new LinkedHashMap<>();
        for (JsonNode purge : purges) {
            List<String> items = new ArrayList<>();
            purge.get("items").forEach(item -> items.add(item.asText()));
            byReference.put(purge.get("reference").asText(), items);
        }
        return byReference;
    }

    public void clear() {
        purges.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
