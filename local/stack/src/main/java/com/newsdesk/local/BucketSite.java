package com.newsdesk.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The CDN in front of the site bucket, locally: a folder path is its {@code index.html}, a folder without its
 * slash is redirected to it, and each object keeps the type, caching and ETag the publisher gave it. Nothing
 * but a single object is ever read: no listing, and no path that could step outside a key.
 */
final class BucketSite implements HttpHandler {
    /** Encoded slash, backslash or NUL: never part of a page's address, often part of an attack on one. */
    private static final Pattern REFUSED_ESCAPES = Pattern.compile("%(2f|5c|00)", Pattern.CASE_INSENSITIVE);
    private static final byte[] NOT_FOUND_PAGE = page("Page not found", "There is nothing at this address.");
    private static final byte[] BAD_REQUEST_PAGE = page("Bad request", "This address cannot name a page.");

    private final S3Client s3;
    private final String bucket;

    BucketSite(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
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
            Responses.send(exchange, 405, "text/html; charset=utf-8", page("Method not allowed", "Pages are only read here."));
            return;
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        Optional<String> key = objectKey(rawPath);
        if (key.isEmpty()) {
            Responses.send(exchange, 400, "text/html; charset=utf-8", BAD_REQUEST_PAGE);
            return;
        }
        Optional<HeadObjectResponse> object = head(key.get());
        if (object.isEmpty()) {
            if (!rawPath.endsWith("/") && head(key.get() + "/index.html").isPresent()) {
                String query = exchange.getRequestURI().getRawQuery();
                exchange.getResponseHeaders().set("location", rawPath + "/" + (query == null ? "" : "?" + query));
                Responses.send(exchange, 301, null, new byte[0]);
            } else {
                exchange.getResponseHeaders().set("cache-control", "no-store");
                Responses.send(exchange, 404, "text/html; charset=utf-8", NOT_FOUND_PAGE);
            }
            return;
        }
        HeadObjectResponse found = object.get();
        Headers headers = exchange.getResponseHeaders();
        headers.set("etag", found.eTag());
        if (found.cacheControl() != null) {
            headers.set("cache-control", found.cacheControl());
        }
        if (matches(exchange.getRequestHeaders().getFirst("if-none-match"), found.eTag())) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        headers.set("content-type", found.contentType());
        headers.set("last-modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(found.lastModified().atOffset(ZoneOffset.UTC)));
        if (method.equals("HEAD")) {
            headers.set("content-length", Long.toString(found.contentLength()));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        try (ResponseInputStream<GetObjectResponse> content = s3.getObject(get -> get.bucket(bucket).key(key.get()));
             OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, content.response().contentLength());
            content.transferTo(out);
        }
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

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(head -> head.bucket(bucket).key(key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
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

    private static byte[] page(String title, String message) {
        return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title></head>\n"
                + "<body><h1>" + title + "</h1><p>" + message + "</p><p><a href=\"/\">Front page</a></p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
