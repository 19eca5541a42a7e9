package com.newsdesk.checks;

import com.newsdesk.checks.PublishedSite.SiteObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The site bucket over HTTP on a free loopback port, as the CDN serves it: {@code /city/slug/} is the object
 * {@code city/slug/index.html}, with the content type it was stored with. Chromium needs the stylesheet to
 * judge colour contrast, so pages are loaded from here rather than from files.
 */
final class SiteServer implements AutoCloseable {
    private final HttpServer server;

    private SiteServer(HttpServer server) {
        this.server = server;
    }

    static SiteServer serving(Map<String, SiteObject> objects) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
            server.createContext("/", exchange -> respond(exchange, key(exchange.getRequestURI()), objects));
            server.start();
            return new SiteServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CDN's rule, kept apart from the publisher's so that it can catch the publisher out: S3 looks an object up
     * by the decoded path, so {@code /tags/%C3%A9t%C3%A9/} is the key {@code tags/été/index.html}.
     */
    private static String key(URI request) {
        String path = request.getPath().substring(1);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, String key, Map<String, SiteObject> objects) throws IOException {
        try (exchange) {
            SiteObject object = objects.get(key);
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = object != null ? object.body() : ("No object " + key + " in the bucket").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", object != null ? object.contentType() : "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(object != null ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
