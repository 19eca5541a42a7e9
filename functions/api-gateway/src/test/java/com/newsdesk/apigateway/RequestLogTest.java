package com.newsdesk.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.site.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One line per request, and never a token, an e-mail address or a body in it, even when a library echoes them. */
class RequestLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMAIL = "ada.reader@example.org";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LWNsYWltcw.c2lnbmF0dXJl";
    /** A reader who typed their address into the wrong field: the JDK's number parser quotes what it was given. */
    private static final String BODY = "{\"name\": \"Ada\", \"body\": \"Private words here\", \"replyTo\": \"" + EMAIL + "\"}";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Context context = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
            (proxy, method, args) -> method.getName().equals("getLogger") ? (LambdaLogger) new CapturingLogger(lines) : null);

    @Test
    void aFailureWhoseMessageEchoesTheBody_isLoggedByClassAndPlace_withoutTheBodyTheAddressOrTheToken() throws Exception {
        var response = new ParsingFunction().handleRequest(event(BODY), context);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("route").asText()).isEqualTo("POST /api/articles/{slug}/comments");
        assertThat(line.get("status").asInt()).isEqualTo(500);
        assertThat(line.get("requestId").asText()).isEqualTo("request-1");
        assertThat(line.get("error").asText()).isEqualTo(NumberFormatException.class.getName());
        assertThat(lines.get(0)).doesNotContain(EMAIL, "ada.reader", TOKEN, "Private words", "Bearer");
    }

    @Test
    void aRequestThatSucceeds_logsRouteStatusAndSlug_andNothingItCarried() throws Exception {
        var response = new ParsingFunction().handleRequest(event("{\"email\": \"" + EMAIL + "\", \"replyTo\": \"7\"}"), context);

        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("slug").asText()).isEqualTo("peace-talks");
        assertThat(lines.get(0)).doesNotContain(EMAIL, TOKEN);
    }

    @Test
    void aRefusalThatIsOursNotTheCallers_isLoggedWithItsMessage() throws Exception {
        var response = new StillChangingFunction().handleRequest(event("{}"), context);

        assertThat(response.getStatusCode()).isEqualTo(503);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.get("level").asText()).isEqualTo("ERROR");
        assertThat(line.get("errorMessage").asText()).isEqualTo("The pages kept changing.");
    }

    private static APIGatewayV2HTTPEvent event(String body) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /api/articles/{slug}/comments")
                .withRawPath("/api/articles/peace-talks/comments")
                .withPathParameters(Map.of("slug", "peace-talks"))
                .withHeaders(Map.of("authorization", "Bearer " + TOKEN, "content-type", "application/json",
                        "cookie", "session=" + TOKEN))
                .withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("request-1")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withSourceIp("198.51.100.7").build())
                        .build())
                .build();
    }

    /** Reads a number from the body without checking it first, as a handler with a bug would. */
    private static final class ParsingFunction extends HttpApiFunction {
        ParsingFunction() {
            super(Settings.of(Map.of()));
        }

        @Override
        protected ApiResponse route(ApiRequest request) {
            try {
                JsonNode replyTo = JSON.readTree(request.body()).path("replyTo");
                if (!replyTo.isMissingNode()) {
                    Long.parseLong(replyTo.asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ApiResponse.of(202, ApiResponse.JSON, "{}");
        }
    }

    private static final class StillChangingFunction extends HttpApiFunction {
        StillChangingFunction() {
            super(Settings.of(Map.of()));
        }

        @Override
        protected ApiResponse route(ApiRequest request) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "The pages kept changing.") {
                @Override
                public String title() {
                    return "Pages still changing";
                }
            };
        }
    }

    private record CapturingLogger(List<String> lines) implements LambdaLogger {
        @Override
        public void log(String message) {
            lines.add(message.strip());
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
