package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.aws.AwsClients;
import com.newsdesk.local.servers.SamTemplate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The functions' timeouts in template.yaml agree with the bounds the code puts on every wait (README, "Reliability");
 * those behind the HTTP API end before API Gateway gives up on them.
 */
class FunctionTimeoutTest {
    /** API Gateway's own limit for an integration: past it the caller gets API Gateway's 504, not our answer. */
    private static final Duration API_GATEWAY_LIMIT = Duration.ofSeconds(30);

    @Test
    void everyFunction_outlastsItsLongestWaitOnAws_andEndsBeforeApiGatewayGivesUp() {
        SamTemplate template = SamTemplate.ofRepository();

        List<String> behindTheApi = HttpApiRoutes.of(template).all().stream().map(route -> route.function().logicalId()).toList();
        template.resources("AWS::Serverless::Function").forEach((id, function) -> {
            Duration timeout = Duration.ofSeconds(template.functionProperty(function, "Timeout").asInt(3));
            assertThat(timeout).as(id).isGreaterThan(AwsClients.LONGEST_WAIT.plusSeconds(1));
            if (behindTheApi.contains(id)) {
                assertThat(timeout).as(id).isLessThan(API_GATEWAY_LIMIT);
            }
        });
    }
}
