package com.newsdesk.core.schedule;

import com.newsdesk.core.pipeline.RenderTask;
import java.time.Instant;

/**
 * One-time timers that put a task on the render queue at a minute: EventBridge Scheduler in AWS
 * ({@link EventBridgeTimers}). Locally there are none to set: the local stack's {@link DueSchedules} reads the stored
 * schedules and sends what is due, with the same effect.
 */
public interface ScheduleTimers {
    /** Nothing to set: the stored schedules are the timers (the local stack and tests). */
    ScheduleTimers STORED = new ScheduleTimers() {
        @Override
        public void set(String name, Instant at, RenderTask task) {}

        @Override
        public void cancel(String name) {}
    };

    /** Sets a timer that sends {@code task} to the render queue at {@code at}; {@code name} is unique per timer. */
    void set(String name, Instant at, RenderTask task);

    /** Removes the timer, if it has not fired yet; a timer that is gone already is no error. */
    void cancel(String name);
}
