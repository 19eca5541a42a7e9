package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.local.servers.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What CloudFront requires of the distribution's functions and behaviours, read from template.yaml. */
class EdgeTemplateTest {
    /** Managed origin request policy AllViewerExceptHostHeader, which adds CloudFront-Viewer-Address. */
    private static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    private static final String API_ORIGIN = "HttpApi";
    private final SamTemplate template = SamTemplate.ofRepository();
    private final JsonNode distribution = template.resources("AWS::CloudFront::Distribution").values().iterator().next()
            .path("Properties").path("DistributionConfig");

    @Test
    void functions_fitCloudFrontsLimits() {
        Map<String, JsonNode> functions = template.resources("AWS::CloudFront::Function");

        assertThat(functions).isNotEmpty();
        functions.forEach((name, function) -> {
            assertThat(function.path("Properties").path("FunctionConfig").path("Runtime").asText()).as(name).isEqualTo("cloudfront-js-2.0");
            assertThat(function.path("Properties").path("FunctionCode").asText().getBytes(StandardCharsets.UTF_8)).as(name).hasSizeLessThan(10 * 1024);
        });
    }

    @Test
    void errorPages_areNotTheDistributions_soTheApisErrorsPassUnchanged() {
        assertThat(distribution.has("CustomErrorResponses")).isFalse();
    }

    @Test
    void bucketBehaviours_runBothFunctions_apiBehaviours_none_andGetTheReadersAddress() {
        assertThat(distribution.path("DefaultCacheBehavior").path("FunctionAssociations").findValuesAsText("EventType"))
                .containsExactlyInAnyOrder("viewer-request", "viewer-response");
        for (JsonNode behaviour : distribution.path("CacheBehaviors")) {
            String path = behaviour.path("PathPattern").asText();
            if (!behaviour.path("TargetOriginId").asText().equals(API_ORIGIN)) {
                assertThat(behaviour.path("FunctionAssociations").findValuesAsText("EventType")).as(path)
                        .containsExactlyInAnyOrder("viewer-request", "viewer-response");
            } else {
                assertThat(behaviour.has("FunctionAssociations")).as(path).isFalse();
                assertThat(behaviour.path("OriginRequestPolicyId").asText()).as(path).isEqualTo(ALL_VIEWER_EXCEPT_HOST);
            }
        }
    }

    @Test
    void bucketBehaviours_readThroughAnOriginGroup_thatAsksTheApiForWhatTheBucketLacks() {
        JsonNode group = distribution.path("OriginGroups").path("Items").path(0);
        JsonNode members = group.path("Members");
        JsonNode failoverCodes = group.path("FailoverCriteria").path("StatusCodes");

        assertThat(distribution.path("OriginGroups").path("Quantity").asInt()).isEqualTo(1);
        assertThat(members.path("Items").findValuesAsText("OriginId")).containsExactly("SiteBucket", API_ORIGIN);
        assertThat(members.path("Quantity").asInt()).isEqualTo(2);
        assertThat(failoverCodes.path("Items")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(403, 404);
        assertThat(failoverCodes.path("Quantity").asInt()).isEqualTo(2);
        List<JsonNode> bucketBehaviours = new ArrayList<>(List.of(distribution.path("DefaultCacheBehavior")));
        distribution.path("CacheBehaviors").forEach(behaviour -> {
            if (!behaviour.path("TargetOriginId").asText().equals(API_ORIGIN)) {
                bucketBehaviours.add(behaviour);
            }
        });
        for (JsonNode behaviour : bucketBehaviours) {
            String path = behaviour.path("PathPattern").asText("default");
            assertThat(behaviour.path("TargetOriginId").asText()).as(path).isEqualTo(group.path("Id").asText());
            // Origin groups serve only these.
            assertThat(behaviour.path("AllowedMethods")).extracting(JsonNode::asText).as(path).isSubsetOf("GET", "HEAD", "OPTIONS");
        }
    }

    @Test
    void apisCatchAllRoute_answersTheFailover_openToReaders() {
        HttpApiRoutes routes = HttpApiRoutes.of(template);

        for (String method : List.of("GET", "HEAD")) {
            HttpApiRoute route = routes.match(method, "/city/no-such-story/index.html").orElseThrow().route();
            assertThat(route.function().logicalId()).as(method).isEqualTo("ShareFunction");
            assertThat(route.jwtRequired()).as(method).isFalse();
            assertThat(template.json().path("Resources").path("HttpApi").path("Properties").path("RouteSettings")
                    .has(route.routeKey())).as("%s is throttled", route.routeKey()).isTrue();
        }
    }
}
