package com.newsdesk.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.pipeline.RenderTask;
import com.newsdesk.core.pipeline.SqsRenderQueue;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

/** The one-time schedule a timer becomes in EventBridge Scheduler (no local server speaks its API). */
class EventBridgeTimersTest {
    private static final EventBridgeTimers.Target TARGET = new EventBridgeTimers.Target("newsdesk-publishing",
            "arn:aws:sqs:eu-west-1:123456789012:render-queue", "arn:aws:iam::123456789012:role/scheduler");

    @Test
    void timer_firesOnceAtItsSecond_inUtc_sendingTheTaskToTheRenderQueue_thenDeletesItself() {
        RenderTask task = new RenderTask.ScheduledPublish("harbour-bridge-reopens", "g-1");
        CreateScheduleRequest request = EventBridgeTimers.request(TARGET, "publish-g-1", Instant.parse("2026-12-01T05:00:00Z"), task);

        assertThat(request.scheduleExpression()).isEqualTo("at(2026-12-01T05:00:00)");
        assertThat(request.scheduleExpressionTimezone()).isEqualTo("UTC");
        assertThat(request.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
        assertThat(request.actionAfterCompletion()).isEqualTo(ActionAfterCompletion.DELETE);
        assertThat(request.groupName()).isEqualTo("newsdesk-publishing");
        assertThat(request.name()).isEqualTo("publish-g-1");
        assertThat(request.target().arn()).isEqualTo(TARGET.queueArn());
        assertThat(request.target().roleArn()).isEqualTo(TARGET.roleArn());
        assertThat(SqsRenderQueue.read(request.target().input())).isEqualTo(task);
    }

    @Test
    void timerBetweenSeconds_roundsUp_neverFiringEarly() {
        CreateScheduleRequest request = EventBridgeTimers.request(TARGET, "unpublish-g-2", Instant.parse("2026-12-01T05:00:00.250Z"),
                new RenderTask.ScheduledUnpublish("harbour-bridge-reopens", "g-2"));

        assertThat(request.scheduleExpression()).isEqualTo("at(2026-12-01T05:00:01)");
    }
}
