package com.newsdesk.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.newsdesk.local.servers.Repository;
import com.newsdesk.testing.ApiDescription;
import com.newsdesk.testing.HttpApiEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the checks against openapi.yaml refuse: a request or an answer that drifted from the description. */
class ApiDescriptionDriftTest {
    private static final String SHORT_LINK = "{\"channel\":\"x\",\"code\":\"Xk3f9Qa2\",\"shortUrl\":\"https://news.example/s/Xk3f9Qa2\","
            + "\"shareUrl\":\"https://x.com/intent/post?url=https%3A%2F%2Fnews.example%2Fs%2FXk3f9Qa2\"}";
    private final ApiDescription description = ApiDescription.ofRepository();

    private static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent(Repository.root().resolve("events/" + name + ".json").toString());
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(contentType == null ? Map.of() : Map.of("content-type", contentType)).withBody(body).build();
    }

    @Test
    void theAnswerAsDescribed_passes() {
        assertThat(description.responseProblems("POST /api/articles/{slug}/share-links",
                response(200, "application/json; charset=utf-8", SHORT_LINK))).isEmpty();
    }

    @Test
    void aStatusTheOperationDoesNotDeclare_isNamed() {
        assertThat(description.responseProblems("POST /api/articles/{slug}/share-links", response(418, "application/json", SHORT_LINK)))
                .singleElement().asString().contains("answered 418, a status its operation does not declare");
    }

    @Test
    void aFieldTheSchemaDoesNotHave_orAValueItRefuses_isNamed() {
        String drifted = SHORT_LINK.replace("\"channel\":\"x\"", "\"channel\":\"myspace\",\"clicks\":3");

        assertThat(description.responseProblems("POST /api/articles/{slug}/share-links", response(200, "application/json", drifted)))
                .anySatisfy(problem -> assertThat(problem).contains("/channel"))
                .anySatisfy(problem -> assertThat(problem).contains("clicks"));
    }

    @Test
    void aMediaTypeTheStatusDoesNotDeclare_isNamed() {
        assertThat(description.responseProblems("POST /api/articles/{slug}/share-links", response(404, "text/html; charset=utf-8", "<p>no</p>")))
                .singleElement().asString().contains("content-type text/html; charset=utf-8 is not one 404 declares");
    }

    @Test
    void aRouteTheDescriptionLacks_failsTheHarness() {
        assertThatThrownBy(() -> description.assertConforms("GET /api/horoscopes", response(200, "application/json", "{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no operation for the route GET /api/horoscopes");
    }

    @Test
    void anEventWithAQueryParameter_aBodyField_orAPathTheOperationDoesNotTake_isNamed() {
        APIGatewayV2HTTPEvent createLink = HttpApiEvent.of(event("create-share-link")).query("utm", "1")
                .json("{\"channel\": \"myspace\"}").event();
        createLink.setRawPath("/api/articles/another-story/share-links");

        assertThat(description.requestProblems(createLink))
                .anySatisfy(problem -> assertThat(problem).contains("query parameter utm is not declared"))
                .anySatisfy(problem -> assertThat(problem).contains("the request body at /channel"))
                .anySatisfy(problem -> assertThat(problem).contains("the raw path /api/articles/another-story/share-links"));
    }

    @Test
    void anEditorsEventWithoutAToken_isNamed() {
        APIGatewayV2HTTPEvent stats = HttpApiEvent.of(event("get-share-stats")).header("authorization", null).event();

        assertThat(description.requestProblems(stats)).singleElement().asString().contains("needs an editor's token");
    }
}
