package com.newsdesk.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whose address a rate limit counts: the reader's behind our CDN, the connection's otherwise. */
class ApiRequestSourceIpTest {
    private static final String SECRET = "origin-verify-secret-of-at-least-32-chars";
    private static final String CLOUDFRONT_EDGE = "130.176.0.10";

    @ParameterizedTest
    @CsvSource({"198.51.100.7:50123, 198.51.100.7", "2001:db8::1:443, 2001:db8::1", "[2001:db8::1]:443, 2001:db8::1"})
    void throughOurCdn_isTheViewersAddress(String viewerAddress, String reader) {
        ApiRequest request = new ApiRequest(event(Map.of("x-origin-verify", SECRET, "cloudfront-viewer-address", viewerAddress)), SECRET);

        assertThat(request.sourceIp()).isEqualTo(reader);
    }

    @Test
    void forgedViewerAddress_withoutTheSecret_isTheConnections() {
        ApiRequest request = new ApiRequest(event(Map.of("cloudfront-viewer-address", "203.0.113.9:443")), SECRET);

        assertThat(request.sourceIp()).isEqualTo(CLOUDFRONT_EDGE);
    }

    @Test
    void forgedViewerAddress_withAWrongSecret_isTheConnections() {
        ApiRequest request = new ApiRequest(event(Map.of("x-origin-verify", SECRET + "x", "cloudfront-viewer-address", "203.0.113.9:443")), SECRET);

        assertThat(request.sourceIp()).isEqualTo(CLOUDFRONT_EDGE);
    }

    @Test
    void noSecretConfigured_trustsNoHeader_evenAnEmptyProof() {
        ApiRequest request = new ApiRequest(event(Map.of("x-origin-verify", "", "cloudfront-viewer-address", "203.0.113.9:443")), "");

        assertThat(request.sourceIp()).isEqualTo(CLOUDFRONT_EDGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "443", "evil.example:443", "<script>:443", "1.2.3.4\n:443", "1.2.3.4"})
    void unreadableViewerAddress_isTheConnections(String viewerAddress) {
        ApiRequest request = new ApiRequest(event(Map.of("x-origin-verify", SECRET, "cloudfront-viewer-address", viewerAddress)), SECRET);

        assertThat(request.sourceIp()).isEqualTo(CLOUDFRONT_EDGE);
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> headers) {
        return APIGatewayV2HTTPEvent.builder()
                .withHeaders(new HashMap<>(headers))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withSourceIp(CLOUDFRONT_EDGE).build())
                        .build())
                .build();
    }
}
