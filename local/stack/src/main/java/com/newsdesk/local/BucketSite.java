package com.newsdesk.local;

import com.newsdesk.core.publish.SiteFiles;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CDN in front of the site bucket, locally: a folder path is its {@code index.html}, a folder without its
 * slash is redirected to it, and each object keeps the type, caching and ETag the publisher gave it, served through
 * the {@link EdgeCache}. The page an unpublished article leaves ({@code x-amz-meta-gone}) is answered 410, a missing
 * key with the site's {@code /404.html}, and every answer carries the {@link SecurityHeaders}; the object's own
 * metadata ({@code x-amz-meta-*}) never reaches the reader. Nothing but a single object is ever read: no listing,
 * and no path that could step outside a key.
 */
final class BucketSite implements HttpHandler {
    /** Encoded slash, backslash or NUL: never part of a page's address, often part of an attack on one. */
    private static final Pattern REFUSED_ESCAPES = Pattern.compile("%(2f|5c|00)", Pattern.CASE_INSENSITIVE);
    /** Until the publisher has written the site's own 404 page. */
    private static final byte[] NOT_FOUND_PAGE = page("Page not found", "There is nothing at this address.");
    private static final byte[] BAD_REQUEST_PAGE = page("Bad request", "This address cannot name a page.");
    private static final String HTML = "text/html; charset=utf-8";

    private final EdgeCache cache;
    private final BucketOrigin origin;

    BucketSite(EdgeCache cache, BucketOrigin origin) {
        this.cache = cache;
        this.origin = origin;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            SecurityHeaders.ALL.forEach(exchange.getResponseHeaders()::set);
            serve(exchange);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("allow", "GET, HEAD");
            Responses.send(exchange, 405, HTML, page("Method not allowed", "Pages are only read here."));
            return;
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        Optional<String> key = objectKey(rawPath);
        if (key.isEmpty()) {
            Responses.send(exchange, 400, HTML, BAD_REQUEST_PAGE);
            return;
        }
        EdgeCache.Lookup lookup = cache.get(key.get());
        exchange.getResponseHeaders().set("x-cache", lookup.hit() ? "Hit from local edge" : "Miss from local edge");
        if (lookup.object().isPresent()) {
            OriginObject found = lookup.object().get();
            send(exchange, found.gone() ? 410 : 200, found);
        } else if (!rawPath.endsWith("/") && origin.exists(key.get() + "/index.html")) {
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().set("location", rawPath + "/" + (query == null ? "" : "?" + query));
            Responses.send(exchange, 301, null, new byte[0]);
        } else {
            Optional<OriginObject> notFound = cache.get(SiteFiles.NOT_FOUND_KEY).object();
            if (notFound.isPresent()) {
                send(exchange, 404, notFound.get());
            } else {
                exchange.getResponseHeaders().set("cache-control", "no-store");
                Responses.send(exchange, 404, HTML, NOT_FOUND_PAGE);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, OriginObject object) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        if (object.eTag() != null) {
            headers.set("etag", object.eTag());
        }
        if (object.cacheControl() != null) {
            headers.set("cache-control", object.cacheControl());
        }
        if (status == 200 && matches(exchange.getRequestHeaders().getFirst("if-none-match"), object.eTag())) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        if (object.lastModified() != null) {
            headers.set("last-modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(object.lastModified().atOffset(ZoneOffset.UTC)));
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("content-type", object.contentType());
            headers.set("content-length", Integer.toString(object.body().length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        Responses.send(exchange, status, object.contentType(), object.body());
    }

    /** The bucket key a path names, or empty for a path no page can have. */
    static Optional<String> objectKey(String rawPath) {
        if (!rawPath.startsWith("/") || REFUSED_ESCAPES.matcher(rawPath).find() || rawPath.contains("\\")) {
            return Optional.empty();
        }
        String path;
        try {
            path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".") || segment.indexOf('\0') >= 0) {
                return Optional.empty();
            }
        }
        String key = path.substring(1);
        return Optional.of(key.isEmpty() || key.endsWith("/") ? key + "index.html" : key);
    }

    private static boolean matches(String ifNoneMatch, String eTag) {
        if (ifNoneMatch == null) {
            return false;
        }
        List<String> candidates = List.of(ifNoneMatch.split("\\s*,\\s*"));
        return candidates.stream().map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(eTag));
    }

    private static byte[] page(String title, String message) {
        return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>\n"
                + "<body><h1>" + title + "</h1><p>" + message + "</p><p><a href=\"/\">Front page</a></p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
