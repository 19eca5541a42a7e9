package com.newsdesk.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.FaultyAws;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.local.servers.FaultProxy;
import com.newsdesk.local.servers.FaultProxy.Fault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Short links while DynamoDB is out of reach, through {@link FaultProxy}: a reader following one is still sent
 * to the article when only the click counter fails (the click is logged), everything else answers 503 in time, and
 * asking for a link again after a fault at any step gives exactly one link per channel, which works.
 */
class ShareFaultsTest {
    private static final String ARTICLE = "ukraine-peace-talks";
    private static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]");
    private static final FaultyAws AWS = new FaultyAws();

    @AfterAll
    static void closeProxies() {
        AWS.close();
    }

    private static HttpResponse within(Duration bound, Supplier<HttpResponse> call) {
        long started = System.nanoTime();
        HttpResponse response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(bound);
        return response;
    }

    @Test
    void follow_whenTheClickCannotBeCounted_stillRedirectsAtOnce_andLogsTheClick() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ShareApi api;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            api = new ShareApi(AWS.settings());
        } finally {
            System.setErr(stderr);
        }
        api.publish(ARTICLE);
        String code = api.code(ARTICLE, "x");
        AWS.dynamoDb.inject(Fault.freeze().onlyRequestsContaining("CLICKS#"));
        HttpResponse followed;
        try {
            followed = within(Duration.ofMillis(2500), () -> api.follow(code, ShareApi.BROWSER));
        } finally {
            AWS.clear();
        }

        assertThat(followed.status()).isEqualTo(301);
        assertThat(followed.header("location")).startsWith("https://news.example/news/" + ARTICLE + "/?utm_source=x");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("\"message\":\"Share click not counted; count it from this line\"")
                .contains("\"slug\":\"" + ARTICLE + "\"")
                .contains("\"channel\":\"x\"");
        assertThat(api.follow(code, ShareApi.BROWSER).status()).isEqualTo(301);
        assertThat(api.stats(ARTICLE, EDITOR).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void follow_withStorageFrozen_answers503InTime_namingStorage() {
        ShareApi api = new ShareApi(AWS.settings());
        api.publish(ARTICLE);
        String code = api.code(ARTICLE, "x");
        AWS.dynamoDb.inject(Fault.freeze());
        HttpResponse frozen;
        try {
            frozen = within(FaultyAws.CALL_TIMEOUT.plusSeconds(1), () -> api.follow(code, ShareApi.BROWSER));
        } finally {
            AWS.clear();
        }

        assertThat(frozen.status()).isEqualTo(503);
        assertThat(frozen.header("retry-after")).isEqualTo("5");
        assertThat(frozen.json().get("unavailable").asText()).isEqualTo("storage");
        assertThat(api.follow(code, ShareApi.BROWSER).status()).isEqualTo(301);
    }

    @Test
    void createLink_afterAFaultAtAnyStep_askingAgainGivesOneWorkingLinkPerChannel() {
        String putItem = "DynamoDB_20120810.PutItem";
        List<Fault> faults = List.of(Fault.refuse(), Fault.refuse().after(1), Fault.refuse().after(2), Fault.refuse().after(3),
                Fault.freeze().after(4),
                // the mapping's answer is lost and the SDK sends it again: the link it wrote must stay whole
                Fault.reset().onlyRequestsContaining(putItem).after(1).times(1));
        int unavailable = 0;
        for (Fault fault : faults) {
            ShareApi api = new ShareApi(AWS.settings());
            api.publish(ARTICLE);
            api.forgetShortLinks(ARTICLE);
            AWS.dynamoDb.inject(fault);
            HttpResponse faulted;
            try {
                faulted = within(FaultyAws.BOUND, () -> api.createLink(ARTICLE, "{\"channel\": \"x\"}"));
            } finally {
                AWS.clear();
            }
            assertThat(faulted.status()).as(fault.toString()).isIn(200, 201, 503);
            if (faulted.status() == 503) {
                unavailable++;
                assertThat(faulted.json().get("unavailable").asText()).isEqualTo("storage");
            }

            HttpResponse again = api.createLink(ARTICLE, "{\"channel\": \"x\"}");
            assertThat(again.status()).as(fault.toString()).isIn(200, 201);
            String code = again.json().get("code").asText();
            if (faulted.status() != 503) {
                assertThat(faulted.json().get("code").asText()).as(fault.toString()).isEqualTo(code);
            }
            assertThat(api.follow(code, ShareApi.BROWSER).status()).as(fault.toString()).isEqualTo(301);
            assertThat(mappings(api, "x")).as(fault.toString()).containsExactly(code);
        }
        assertThat(unavailable).isGreaterThanOrEqualTo(4);
    }

    /** The codes stored as the article's link for the channel. */
    private static List<String> mappings(ShareApi api, String channel) {
        return api.servers.dynamoDb().query(query -> query.tableName(api.table)
                        .keyConditionExpression("pk = :pk AND sk = :sk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ARTICLE#" + ARTICLE),
                                ":sk", AttributeValue.fromS("SHARE#" + channel))))
                .items().stream().map(item -> item.get("code").s()).toList();
    }
}
