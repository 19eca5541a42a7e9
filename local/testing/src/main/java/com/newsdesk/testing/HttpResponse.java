package com.newsdesk.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What a function answered, as tests read it. Every answer a test harness reads is first held against
 * {@code openapi.yaml}: a status, media type, header or body its route's operation does not declare fails the test.
 */
public record HttpResponse(int status, Map<String, String> headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The function's answer to the request, which must be one the request's operation in openapi.yaml declares. */
    public static HttpResponse of(HttpApiEvent request, APIGatewayV2HTTPResponse response) {
        ApiDescription.ofRepository().assertConforms(request.event().getRouteKey(), response);
        return new HttpResponse(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String header(String name) {
        return headers == null ? null : headers.get(name);
    }
}
