package com.newsdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writing whole responses on the local server. */
final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("content-type", contentType);
        }
        boolean bodyAllowed = body.length > 0 && !exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, bodyAllowed ? body.length : -1);
        if (bodyAllowed) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** An RFC 9457 problem, as the contract answers every refusal. */
    static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        exchange.getResponseHeaders().set("cache-control", "no-store");
        send(exchange, status, "application/problem+json", JSON.writeValueAsBytes(problem));
    }
}
