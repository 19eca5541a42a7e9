package com.newsdesk.local;

import com.newsdesk.core.pipeline.SqsRenderQueue;
import com.newsdesk.core.schedule.DueSchedules;
import com.newsdesk.core.schedule.ScheduleStore;
import com.newsdesk.core.site.Settings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * EventBridge Scheduler's part under {@code make run}: every second, what the stored schedules say is due goes to
 * the render queue, whose worker publishes or takes down as in AWS. Schedules survive a restart, as they are stored.
 */
final class LocalScheduler implements AutoCloseable {
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    private LocalScheduler() {}

    static LocalScheduler start(DynamoDbClient dynamoDb, SqsClient sqs, Settings settings, PrintStream log) {
        DueSchedules due = new DueSchedules(new ScheduleStore(dynamoDb, settings.required("TABLE_NAME")),
                new SqsRenderQueue(sqs, settings.required("RENDER_QUEUE_URL")), Clock.systemUTC());
        LocalScheduler scheduler = new LocalScheduler();
        scheduler.ticks.scheduleWithFixedDelay(() -> {
            try {
                due.fire();
            } catch (RuntimeException e) {
                log.println("Local scheduler: the schedules could not be read or sent (tried again in a second): " + e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        return scheduler;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
