package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.newsdesk.local.servers.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TemplateTest {
    /** AWS's SAM schema, copied into the test resources (see schemas/README.md there). */
    private static final String SAM_SCHEMA = "/schemas/sam.schema.json";

    private static Schema samSchema;
    private final SamTemplate template = SamTemplate.ofRepository();

    @BeforeAll
    static void loadSamSchema() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));
        try (InputStream schema = TemplateTest.class.getResourceAsStream(SAM_SCHEMA)) {
            samSchema = registry.getSchema(schema);
        }
    }

    @Test
    void templateIsValidSam() {
        List<Error> errors = samSchema.validate(template.json());

        assertThat(errors).isEmpty();
    }

    @Test
    void templateWithAMisspelledFunctionProperty_isRefused() {
        JsonNode broken = template.json().deepCopy();
        ObjectNode properties = (ObjectNode) broken.path("Resources").path("ArticlesFunction").path("Properties");
        properties.set("Handlr", properties.remove("Handler"));

        List<Error> errors = samSchema.validate(broken);

        assertThat(errors).isNotEmpty();
        assertThat(errors).extracting(error -> error.getInstanceLocation().toString())
                .anyMatch(location -> location.contains("ArticlesFunction"));
    }

    @Test
    void everyFunctionsHandler_isARequestHandlerOnTheClasspath() {
        assertThat(SamFunction.all(template)).isNotEmpty().allSatisfy(function ->
                assertThat(function.handlerType()).isAssignableTo(RequestHandler.class));
    }

    /**
     * Each function names its architecture, since none is global (SAM would append a function's own to it): arm64,
     * but the media function, whose WebP encoder packs its native library for x86_64 alone.
     */
    @Test
    void everyFunction_namesItsArchitecture_arm64ButPhotoProcessingOnX86() {
        Map<String, String> architectures = new TreeMap<>();
        template.resources("AWS::Serverless::Function").forEach((id, function) ->
                architectures.put(id, function.path("Properties").path("Architectures").toString()));

        assertThat(template.json().path("Globals").path("Function").has("Architectures")).isFalse();
        assertThat(architectures).isNotEmpty().allSatisfy((id, architecture) ->
                assertThat(architecture).as(id).isEqualTo(id.equals("MediaFunction") ? "[\"x86_64\"]" : "[\"arm64\"]"));
    }

    @Test
    void articleRoutes_areTheContractsRevisionsSchedulesAndAuthors_andAllButTheApiDescriptionNeedAToken() {
        List<HttpApiRoute> articleRoutes = HttpApiRoutes.of(template).all().stream()
                .filter(route -> route.function().logicalId().equals("ArticlesFunction"))
                .toList();

        assertThat(articleRoutes).extracting(HttpApiRoute::routeKey).containsExactlyInAnyOrder(
                "PUT /api/articles/{slug}", "GET /api/articles/{slug}", "GET /api/articles",
                "GET /api/articles/{slug}/preview", "POST /api/articles/{slug}/publish", "POST /api/articles/{slug}/unpublish",
                "POST /api/site/rerender", "GET /api/site/rerenders/{id}",
                "GET /api/articles/{slug}/revisions", "GET /api/articles/{slug}/revisions/{version}",
                "GET /api/articles/{slug}/revisions/{version}/diff", "POST /api/articles/{slug}/revisions/{version}/restore",
                "POST /api/articles/{slug}/schedule", "GET /api/articles/{slug}/schedule", "DELETE /api/articles/{slug}/schedule",
                "GET /api/schedule", "GET /api/openapi.json",
                "PUT /api/authors/{slug}", "GET /api/authors/{slug}", "GET /api/authors");
        assertThat(articleRoutes).filteredOn(route -> !route.routeKey().equals("GET /api/openapi.json")).allMatch(HttpApiRoute::jwtRequired);
        assertThat(articleRoutes).filteredOn(route -> route.routeKey().equals("GET /api/openapi.json")).noneMatch(HttpApiRoute::jwtRequired);
        assertThat(template.resources("AWS::Cognito::UserPoolGroup").values())
                .extracting(group -> group.path("Properties").path("GroupName").asText())
                .containsExactlyInAnyOrder("editors", "writers");
    }

    @Test
    void readersRoutes_areThrottledBelowTheDefault_andTheirFunctionsHaveReservedConcurrency() {
        JsonNode api = template.resources("AWS::Serverless::HttpApi").get("HttpApi").path("Properties");
        JsonNode defaults = api.path("DefaultRouteSettings");
        List<String> readerRoutes = List.of("GET /s/{code}", "HEAD /s/{code}", "POST /api/articles/{slug}/comments",
                "POST /api/newsletter", "POST /api/articles/{slug}/share-links", "GET /api/articles/{slug}/comment-token");
        List<String> declaredRoutes = HttpApiRoutes.of(template).all().stream().map(HttpApiRoute::routeKey).toList();

        assertThat(defaults.path("ThrottlingRateLimit").asDouble()).isPositive();
        assertThat(defaults.path("ThrottlingBurstLimit").asInt()).isPositive();
        assertThat(readerRoutes).allSatisfy(route -> {
            JsonNode throttle = api.path("RouteSettings").path(route);
            assertThat(declaredRoutes).as("a route of template.yaml").contains(route);
            assertThat(throttle.path("ThrottlingRateLimit").asDouble()).as(route).isPositive()
                    .isLessThan(defaults.path("ThrottlingRateLimit").asDouble());
            assertThat(throttle.path("ThrottlingBurstLimit").asInt()).as(route).isPositive()
                    .isLessThan(defaults.path("ThrottlingBurstLimit").asInt());
        });
        assertThat(List.of("ShareFunction", "CommentsFunction")).allSatisfy(function -> assertThat(
                template.resources("AWS::Serverless::Function").get(function).path("Properties").has("ReservedConcurrentExecutions"))
                .as(function).isTrue());
    }
}
