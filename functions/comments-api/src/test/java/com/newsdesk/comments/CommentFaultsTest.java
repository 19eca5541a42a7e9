package com.newsdesk.comments;

import static com.newsdesk.comments.ReaderApi.comment;
import static com.newsdesk.comments.ReaderApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.BucketSnapshot;
import com.newsdesk.testing.FaultyAws;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.local.servers.FaultProxy;
import com.newsdesk.local.servers.FaultProxy.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Readers' comments and their moderation while DynamoDB or S3 is out of reach, through {@link FaultProxy}: 503
 * with {@code Retry-After} in time, the no-JS form handed back with the reader's text, and an approval repeated
 * after the fault leaving the article's page as an undisturbed approval does.
 */
class CommentFaultsTest {
    private static final FaultyAws AWS = new FaultyAws();
    private static final Instant START = Instant.parse("2025-11-20T10:00:00Z");

    @AfterAll
    static void closeProxies() {
        AWS.close();
    }

    private static ReaderApi reader() {
        ReaderApi api = new ReaderApi(AWS.settings());
        api.clock.advance(Duration.between(api.clock.instant(), START));
        return api;
    }

    private static HttpResponse within(Duration bound, Supplier<HttpResponse> call) {
        long started = System.nanoTime();
        HttpResponse response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(bound);
        return response;
    }

    private static HttpResponse postForm(ReaderApi api, String body) {
        return api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks")
                .form(comment("Ada Reader", "ada@example.org", body)));
    }

    @Test
    void readingComments_withStorageFrozen_answers503InTime_namingStorage() {
        ReaderApi api = reader();
        api.publish("peace-talks");
        AWS.dynamoDb.inject(Fault.freeze());
        HttpResponse frozen;
        try {
            frozen = within(FaultyAws.CALL_TIMEOUT.plusSeconds(1),
                    () -> api.send(request("GET", "/api/articles/{slug}/comments").slug("peace-talks")));
        } finally {
            AWS.clear();
        }

        assertThat(frozen.status()).isEqualTo(503);
        assertThat(frozen.header("content-type")).startsWith("application/problem+json");
        assertThat(frozen.header("retry-after")).isEqualTo("5");
        assertThat(frozen.json().get("unavailable").asText()).isEqualTo("storage");
        assertThat(api.send(request("GET", "/api/articles/{slug}/comments").slug("peace-talks")).status()).isEqualTo(200);
    }

    @Test
    void formPost_withStorageRefusing_getsTheFormBack_withTheReadersText_andPostingAgainWorks() {
        ReaderApi api = reader();
        api.publish("peace-talks");
        String text = "Will the summit be in Geneva? Asking before the fault clears.";
        AWS.dynamoDb.inject(Fault.refuse());
        HttpResponse refused;
        try {
            refused = within(FaultyAws.BOUND, () -> postForm(api, text));
        } finally {
            AWS.clear();
        }

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("retry-after")).isEqualTo("5");
        assertThat(refused.header("content-type")).startsWith("text/html");
        assertThat(refused.body())
                .contains("The article store (DynamoDB) is not answering at the moment. Nothing you sent is lost: try again in 5 seconds.")
                .contains(text)
                .contains("Ada Reader")
                .doesNotContain("ada@example.org")
                .contains("action=\"/api/articles/peace-talks/comments\"");
        assertThat(postForm(api, text).status()).isEqualTo(303);
    }

    @Test
    void approval_withAFaultAtAnyStep_answers503_andApprovingAgainGivesTheUndisturbedPage() {
        ReaderApi undisturbed = reader();
        String id = pendingComment(undisturbed);
        assertThat(undisturbed.approve("peace-talks", id).status()).isEqualTo(200);
        Map<String, String> expected = BucketSnapshot.of(undisturbed.servers.s3(), undisturbed.bucket);

        int unavailable = 0;
        for (var step : List.of(Map.entry(AWS.dynamoDb, Fault.refuse()), Map.entry(AWS.dynamoDb, Fault.refuse().after(2)),
                Map.entry(AWS.dynamoDb, Fault.refuse().after(6)), Map.entry(AWS.dynamoDb, Fault.freeze().after(12)),
                Map.entry(AWS.s3, Fault.reset()), Map.entry(AWS.s3, Fault.refuse().after(1)))) {
            ReaderApi api = reader();
            String comment = pendingComment(api);
            step.getKey().inject(step.getValue());
            HttpResponse faulted;
            try {
                faulted = within(FaultyAws.BOUND, () -> api.approve("peace-talks", comment));
            } finally {
                AWS.clear();
            }
            String fault = step.getKey().name() + ": " + step.getValue();
            assertThat(faulted.status()).as(fault).isIn(200, 503);
            if (faulted.status() == 503) {
                unavailable++;
                assertThat(faulted.json().get("unavailable").asText()).isEqualTo(step.getKey() == AWS.s3 ? "site-bucket" : "storage");
            }

            assertThat(api.approve("peace-talks", comment).status()).as(fault).isEqualTo(200);
            assertThat(BucketSnapshot.of(api.servers.s3(), api.bucket)).as("bucket after approving again, " + fault)
                    .isEqualTo(expected);
        }
        assertThat(unavailable).isGreaterThanOrEqualTo(4);
    }

    /** The article published and one comment from the form awaiting an editor; returns its id. */
    private static String pendingComment(ReaderApi api) {
        api.publish("peace-talks");
        HttpResponse posted = postForm(api, "Posted while all was well.");
        assertThat(posted.status()).isEqualTo(303);
        return posted.header("location").split("/")[5];
    }
}
