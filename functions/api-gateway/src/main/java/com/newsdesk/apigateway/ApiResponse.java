package com.newsdesk.apigateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers; turned into the HTTP API's response by {@link HttpApiFunction}. */
public record ApiResponse(int status, Map<String, String> headers, String body) {
    public static final String JSON = "application/json; charset=utf-8";
    public static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
    public static final String HTML = "text/html; charset=utf-8";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse of(int status, String contentType, String body) {
        return new ApiResponse(status, Map.of("content-type", contentType, "cache-control", "no-store"), body);
    }

    /** 204: done, nothing to say. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of("cache-control", "no-store"), "");
    }

    public static ApiResponse redirect(int status, String location, String cacheControl) {
        return new ApiResponse(status, Map.of("location", location, "cache-control", cacheControl), "");
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, more, body);
    }

    public int bodyBytes() {
        return body == null ? 0 : body.getBytes(StandardCharsets.UTF_8).length;
    }
}
