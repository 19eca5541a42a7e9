package com.newsdesk.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.BucketSnapshot;
import com.newsdesk.testing.FaultyAws;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.Samples;
import com.newsdesk.testing.TestClock;
import com.newsdesk.core.article.Slug;
import com.newsdesk.local.servers.FaultProxy;
import com.newsdesk.local.servers.FaultProxy.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Publishing and unpublishing while DynamoDB or S3 is frozen, refusing connections, cutting answers off or slow,
 * through {@link FaultProxy}: the editor gets 503 with {@code Retry-After} in time, and once the fault is gone the
 * same request again leaves the bucket byte for byte as an undisturbed run does.
 */
class StorageFaultsTest {
    private static final Instant FIRST = Instant.parse("2025-11-20T10:00:00Z");
    private static final Instant SECOND = FIRST.plus(Duration.ofHours(1));
    private static final FaultyAws AWS = new FaultyAws();

    private final byte[] seed = Samples.article("ukraine-peace-talks");
    private final byte[] other = Samples.article("night-buses-return");

    @AfterAll
    static void closeProxies() {
        AWS.close();
    }

    /**
     * A site with the seed published, the other article saved, its publish about to happen. Arranged through the
     * services, outside any request's budget: on a loaded machine a first publish can take seconds.
     */
    private EditorApi siteBeforeSecondPublish() {
        TestClock clock = new TestClock(FIRST);
        EditorApi api = new EditorApi(clock, AWS.settings());
        api.newsroom.articles().save(Slug.of("ukraine-peace-talks"), seed, OptionalLong.empty());
        api.newsroom.publisher().publish(Slug.of("ukraine-peace-talks"));
        api.renders.drain();
        api.newsroom.articles().save(Slug.of("night-buses-return"), other, OptionalLong.empty());
        clock.advance(Duration.between(FIRST, SECOND));
        return api;
    }

    private static void publishOther(EditorApi api) {
        api.newsroom.publisher().publish(Slug.of("night-buses-return"));
        api.renders.drain();
    }

    private static Map<String, String> bucket(EditorApi api) {
        return BucketSnapshot.of(api.servers.s3(), api.bucket);
    }

    /**
     * The request alone, timed: what it queued is left to the render worker's next run, after the fault, as Lambda
     * would run it in a separate invocation.
     */
    private static HttpResponse timed(EditorApi api, String slug, String action) {
        api.followEachRequest = false;
        try {
            long started = System.nanoTime();
            HttpResponse response = api.post(slug, action);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FaultyAws.BOUND);
            return response;
        } finally {
            api.followEachRequest = true;
        }
    }

    private static void assertUnavailable(HttpResponse response, String part) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.header("retry-after")).isEqualTo("5");
        assertThat(response.json().get("unavailable").asText()).isEqualTo(part);
        assertThat(response.json().get("detail").asText()).contains("try again in 5 seconds");
    }

    /**
     * Runs {@code action} on the other article under {@code fault} at {@code proxy}, then again without it, and
     * expects the bucket of an undisturbed run. Returns how many of the faulted runs answered 503.
     */
    private int faultAtEveryStep(FaultProxy proxy, List<Fault> faults, Consumer<EditorApi> before, String action) {
        EditorApi undisturbed = siteBeforeSecondPublish();
        before.accept(undisturbed);
        assertThat(undisturbed.post("night-buses-return", action).status()).isEqualTo(200);
        Map<String, String> expected = bucket(undisturbed);
        String expectedState = undisturbed.get("night-buses-return").json().get("status").asText();

        int unavailable = 0;
        for (Fault fault : faults) {
            EditorApi api = siteBeforeSecondPublish();
            before.accept(api);
            proxy.inject(fault);
            HttpResponse faulted;
            try {
                faulted = timed(api, "night-buses-return", action);
            } finally {
                AWS.clear();
            }
            assertThat(faulted.status()).as(fault.toString()).isIn(200, 503);
            if (faulted.status() == 503) {
                unavailable++;
                assertUnavailable(faulted, proxy == AWS.dynamoDb ? "storage" : "site-bucket");
            }

            assertThat(api.post("night-buses-return", action).status()).as(fault.toString()).isEqualTo(200);
            assertSameObjects(bucket(api), expected, action + " retried after " + fault);
            assertThat(api.get("night-buses-return").json().get("status").asText()).isEqualTo(expectedState);
        }
        return unavailable;
    }

    /** Names the keys that differ, which a diff of two whole buckets would bury. */
    private static void assertSameObjects(Map<String, String> actual, Map<String, String> expected, String after) {
        Set<String> differing = new TreeSet<>(expected.keySet());
        differing.addAll(actual.keySet());
        differing.removeIf(key -> Objects.equals(actual.get(key), expected.get(key)));
        assertThat(differing).as("objects differing from an undisturbed run, " + after).isEmpty();
    }

    private static List<Fault> steps(Fault fault, int... spared) {
        List<Fault> faults = new ArrayList<>();
        for (int requests : spared) {
            faults.add(fault.after(requests));
        }
        return faults;
    }

    @Test
    void publish_withStorageRefusingAtAnyStep_answers503_andPublishingAgainGivesTheUndisturbedSite() {
        int unavailable = faultAtEveryStep(AWS.dynamoDb, steps(Fault.refuse(), 0, 3, 10, 25, 50, 90), api -> { }, "publish");

        assertThat(unavailable).isGreaterThanOrEqualTo(4);
    }

    @Test
    void publish_withBucketCuttingAnswersOffAtAnyStep_answers503_andPublishingAgainGivesTheUndisturbedSite() {
        // the request writes one object, the story's page (a HEAD, then the PUT): the lists are the worker's
        int unavailable = faultAtEveryStep(AWS.s3, steps(Fault.reset(), 0, 1, 2), api -> { }, "publish");

        assertThat(unavailable).isGreaterThanOrEqualTo(2);
    }

    @Test
    void unpublish_withStorageRefusingAtAnyStep_answers503_andUnpublishingAgainGivesTheUndisturbedSite() {
        int unavailable = faultAtEveryStep(AWS.dynamoDb, steps(Fault.refuse(), 0, 2, 4, 6),
                StorageFaultsTest::publishOther, "unpublish");

        assertThat(unavailable).isGreaterThanOrEqualTo(2);
    }

    @Test
    void unpublish_withBucketRefusingAtAnyStep_answers503_andUnpublishingAgainGivesTheUndisturbedSite() {
        int unavailable = faultAtEveryStep(AWS.s3, steps(Fault.refuse(), 0, 1, 2), StorageFaultsTest::publishOther, "unpublish");

        assertThat(unavailable).isGreaterThanOrEqualTo(2);
    }

    @Test
    void publish_withStorageFrozen_answers503InTime_andAfterTheThawPublishingAgainGivesTheUndisturbedSite() {
        int unavailable = faultAtEveryStep(AWS.dynamoDb, steps(Fault.freeze(), 0, 20), api -> { }, "publish");

        assertThat(unavailable).isEqualTo(2);
    }

    @Test
    void publish_withBucketFrozen_answers503InTime_naming_theSiteBucket() {
        int unavailable = faultAtEveryStep(AWS.s3, steps(Fault.freeze(), 1), api -> { }, "publish");

        assertThat(unavailable).isEqualTo(1);
    }

    @Test
    void publish_withEveryStorageCallSlow_stopsAtTheRequestBudget_with503() {
        // each call in time (under the 1 s attempt timeout), but a dozen of them overrun the 6 s budget
        int unavailable = faultAtEveryStep(AWS.dynamoDb, List.of(Fault.latency(Duration.ofMillis(600))), api -> { }, "publish");

        assertThat(unavailable).isEqualTo(1);
    }

    @Test
    void publish_withEveryBucketCallSlowerThanItsAttemptTimeout_answers503InTime_namingTheBucket() {
        // the request makes two bucket calls: only a bucket slower than the attempt timeout can hold it up
        int unavailable = faultAtEveryStep(AWS.s3, List.of(Fault.latency(FaultyAws.ATTEMPT_TIMEOUT.plusMillis(300))), api -> { }, "publish");

        assertThat(unavailable).isEqualTo(1);
    }

    @Test
    void publish_whoseStateWriteLostItsAnswer_stillPublishes_asTheSdkSendsItAgainUnderTheSameCondition() {
        Fault lostAnswer = Fault.reset().onlyRequestsContaining("DynamoDB_20120810.UpdateItem").times(1);

        int unavailable = faultAtEveryStep(AWS.dynamoDb, List.of(lostAnswer), api -> { }, "publish");

        assertThat(unavailable).isZero();
    }

    @Test
    void readingAnArticle_withStorageFrozen_answers503InTime() {
        EditorApi api = new EditorApi(new TestClock(FIRST), AWS.settings());
        api.newsroom.articles().save(Slug.of("ukraine-peace-talks"), seed, OptionalLong.empty());
        AWS.dynamoDb.inject(Fault.freeze());
        try {
            long started = System.nanoTime();
            HttpResponse response = api.get("ukraine-peace-talks");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertUnavailable(response, "storage");
            assertThat(took).isLessThan(FaultyAws.CALL_TIMEOUT.plusSeconds(1));
        } finally {
            AWS.clear();
        }
        assertThat(api.get("ukraine-peace-talks").status()).isEqualTo(200);
    }
}
