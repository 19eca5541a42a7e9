package com.newsdesk.articles;

import com.newsdesk.apigateway.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/openapi.json}: the repository's openapi.yaml, bundled with the article schema into one JSON file
 * by the build, read once per container. It only changes with a deploy, so clients may keep it a while and
 * revalidate with its ETag.
 */
final class ApiDescriptionJson {
    static final String RESOURCE = "/openapi.json";
    static final String CACHE_CONTROL = "public, max-age=300";

    private final String json;
    private final String etag;

    ApiDescriptionJson() {
        try (InputStream in = ApiDescriptionJson.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath: the build writes it from openapi.yaml");
            }
            byte[] bytes = in.readAllBytes();
            this.json = new String(bytes, StandardCharsets.UTF_8);
            this.etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 304 when {@code If-None-Match} names the current copy, else the whole description. */
    ApiResponse answer(Optional<String> ifNoneMatch) {
        if (ifNoneMatch.isPresent() && ifNoneMatch.get().contains(etag)) {
            return new ApiResponse(304, Map.of("etag", etag, "cache-control", CACHE_CONTROL), "");
        }
        return ApiResponse.of(200, ApiResponse.JSON, json).withHeader("etag", etag).withHeader("cache-control", CACHE_CONTROL);
    }
}
