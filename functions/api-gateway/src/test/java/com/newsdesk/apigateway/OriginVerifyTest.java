package com.newsdesk.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsdesk.core.site.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In AWS the API's own execute-api address stays reachable: only requests through our CDN are answered. */
class OriginVerifyTest {
    private static final String SECRET = "origin-verify-secret-of-at-least-32-chars";

    @Test
    void required_requestThroughTheCdn_isAnswered() {
        APIGatewayV2HTTPResponse response = function(true).handleRequest(event(Map.of("x-origin-verify", SECRET)), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void required_requestStraightToTheApi_gets403Problem() {
        APIGatewayV2HTTPResponse response = function(true).handleRequest(event(Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getHeaders()).containsEntry("content-type", ApiResponse.PROBLEM_JSON);
        assertThat(response.getBody()).contains("Use the site's address");
    }

    @Test
    void required_wrongSecret_gets403() {
        APIGatewayV2HTTPResponse response = function(true).handleRequest(event(Map.of("x-origin-verify", SECRET + "x")), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
    }

    @Test
    void notRequired_asUnderMakeRun_requestWithoutTheHeader_isAnswered() {
        APIGatewayV2HTTPResponse response = function(false).handleRequest(event(Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void requiredWithoutASecret_failsAtStart() {
        Settings settings = Settings.of(Map.of("ORIGIN_VERIFY_REQUIRED", "true"));

        assertThatThrownBy(() -> new AnsweringFunction(settings)).hasMessageContaining("ORIGIN_VERIFY_SECRET");
    }

    private static HttpApiFunction function(boolean required) {
        return new AnsweringFunction(Settings.of(Map.of(
                "ORIGIN_VERIFY_REQUIRED", Boolean.toString(required), "ORIGIN_VERIFY_SECRET", SECRET)));
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /s/{code}")
                .withHeaders(new HashMap<>(headers))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("request-1")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withSourceIp("198.51.100.7").build())
                        .build())
                .build();
    }

    private static final class AnsweringFunction extends HttpApiFunction {
        AnsweringFunction(Settings settings) {
            super(settings);
        }

        @Override
        protected ApiResponse route(ApiRequest request) {
            return ApiResponse.of(200, ApiResponse.JSON, "{}");
        }
    }
}
