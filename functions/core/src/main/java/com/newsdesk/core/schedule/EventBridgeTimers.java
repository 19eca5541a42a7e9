package com.newsdesk.core.schedule;

import com.newsdesk.core.pipeline.RenderTask;
import com.newsdesk.core.pipeline.SqsRenderQueue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

/**
 * One EventBridge Scheduler one-time schedule per timer, in the stack's schedule group, that sends the task to the
 * render queue at its minute and then deletes itself. Its target is the queue rather than a function, so a publish
 * that fails at the minute (S3 out of reach) is retried with the queue's backoff and ends in its dead-letter queue,
 * with an alarm, like every other render.
 */
public final class EventBridgeTimers implements ScheduleTimers {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final SchedulerClient scheduler;
    private final Target target;

    /** Where the timers live and what they may do: the group, the queue's ARN and the role that may send to it. */
    public record Target(String group, String queueArn, String roleArn) {}

    public EventBridgeTimers(SchedulerClient scheduler, Target target) {
        this.scheduler = scheduler;
        this.target = target;
    }

    @Override
    public void set(String name, Instant at, RenderTask task) {
        scheduler.createSchedule(request(target, name, at, task));
    }

    @Override
    public void cancel(String name) {
        try {
            scheduler.deleteSchedule(delete -> delete.groupName(target.group()).name(name));
        } catch (ResourceNotFoundException firedOrGone) {
            // it fired and deleted itself, or was never made
        }
    }

    /** The schedule of one timer: at the second (rounded up, never early), UTC, no flexible window. */
    static CreateScheduleRequest request(Target target, String name, Instant at, RenderTask task) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS).equals(at) ? at : at.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return CreateScheduleRequest.builder()
                .groupName(target.group())
                .name(name)
                .scheduleExpression("at(" + AT.format(second) + ")")
                .scheduleExpressionTimezone("UTC")
                .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                .actionAfterCompletion(ActionAfterCompletion.DELETE)
                .target(t -> t.arn(target.queueArn()).roleArn(target.roleArn()).input(SqsRenderQueue.write(task))
                        .retryPolicy(retry -> retry.maximumRetryAttempts(185).maximumEventAgeInSeconds(86_400)))
                .build();
    }
}
