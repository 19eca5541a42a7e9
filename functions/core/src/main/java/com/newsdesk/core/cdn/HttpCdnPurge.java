package com.newsdesk.core.cdn;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;

/**
 * {@link CdnPurge} for the local edge cache of {@code make run} and the tests: posts the purge as JSON
 * ({@code {"reference":…,"items":[…]}}) to the cache's purge endpoint, as CloudFront's API takes it in AWS.
 */
public final class HttpCdnPurge implements CdnPurge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 2000;

    private final URI endpoint;

    public HttpCdnPurge(URI endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void purge(Purge purge) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (var out = connection.getOutputStream()) {
                JSON.writeValue(out, Map.of("reference", purge.reference(), "items", purge.items()));
            }
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status / 100 != 2) {
                throw new IllegalStateException("the edge cache refused the purge with status " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the edge cache did not take the purge", e);
        }
    }
}
