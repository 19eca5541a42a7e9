package com.newsdesk.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** What a function answered, as tests read it. */
public record HttpResponse(int status, Map<String, String> headers, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static HttpResponse of(APIGatewayV2HTTPResponse response) {
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
