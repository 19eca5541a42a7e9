package com.newsdesk.core.cdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.TooManyInvalidationsInProgressException;

/** CloudFront refuses while too many invalidations are in progress: the purge waits, longer each time, then gives up. */
class TooManyInvalidationsTest {
    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    private Runnable refusing(int times) {
        return () -> {
            if (attempts.incrementAndGet() <= times) {
                throw TooManyInvalidationsInProgressException.builder().message("Processing your request will cause the"
                        + " account to exceed the maximum number of invalidations in progress.").statusCode(400).build();
            }
        };
    }

    @Test
    void refusedThreeTimes_waitsHalfASecondThenTwiceAsLongEachTime_andIsSentTheFourthTime() {
        CloudFrontPurge.waitingOutTooMany(refusing(3), waits::add);

        assertThat(attempts).hasValue(4);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void refusedEveryTime_givesUpAfterFourAttempts_withCloudFrontsAnswer() {
        assertThatThrownBy(() -> CloudFrontPurge.waitingOutTooMany(refusing(Integer.MAX_VALUE), waits::add))
                .isInstanceOf(TooManyInvalidationsInProgressException.class);

        assertThat(attempts).hasValue(4);
        assertThat(waits).hasSize(3);
    }

    @Test
    void anyOtherFailure_isNotWaitedOut() {
        assertThatThrownBy(() -> CloudFrontPurge.waitingOutTooMany(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("access denied");
        }, waits::add)).hasMessage("access denied");

        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }
}
