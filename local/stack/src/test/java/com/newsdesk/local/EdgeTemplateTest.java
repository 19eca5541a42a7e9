package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.local.servers.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What CloudFront requires of the distribution's functions and behaviours, read from template.yaml. */
class EdgeTemplateTest {
    /** Managed origin request policy AllViewerExceptHostHeader, which adds CloudFront-Viewer-Address. */
    private static final String ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
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
            if (behaviour.path("TargetOriginId").asText().equals("SiteBucket")) {
                assertThat(behaviour.path("FunctionAssociations").findValuesAsText("EventType")).as(path)
                        .containsExactlyInAnyOrder("viewer-request", "viewer-response");
            } else {
                assertThat(behaviour.has("FunctionAssociations")).as(path).isFalse();
                assertThat(behaviour.path("OriginRequestPolicyId").asText()).as(path).isEqualTo(ALL_VIEWER_EXCEPT_HOST);
            }
        }
    }
}
