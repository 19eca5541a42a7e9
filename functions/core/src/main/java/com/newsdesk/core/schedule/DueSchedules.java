package com.newsdesk.core.schedule;

import com.newsdesk.core.pipeline.RenderQueue;
import com.newsdesk.core.pipeline.RenderTask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The local stand-in for EventBridge Scheduler: called every few seconds, it sends the task of each stored
 * schedule whose minute has come to the render queue, once per timer, as a one-time schedule would. What the
 * worker then does is the same code as in AWS.
 */
public final class DueSchedules {
    private final ScheduleStore schedules;
    private final RenderQueue queue;
    private final Clock clock;
    private final Set<String> fired = new HashSet<>();

    public DueSchedules(ScheduleStore schedules, RenderQueue queue, Clock clock) {
        this.schedules = schedules;
        this.queue = queue;
        this.clock = clock;
    }

    /** Sends what is due and returns how many timers fired. */
    public synchronized int fire() {
        Instant now = clock.instant();
        List<RenderTask> due = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PublishSchedule schedule : schedules.all()) {
            String slug = schedule.slug().value();
            if (schedule.publishAt().filter(at -> !at.isAfter(now)).isPresent() && !fired.contains(Scheduling.publishTimer(schedule))) {
                due.add(new RenderTask.ScheduledPublish(slug, schedule.generation()));
                names.add(Scheduling.publishTimer(schedule));
            } else if ((schedule.publishAt().isEmpty() || schedule.skipped().isPresent()) && schedule.unpublishAt().filter(at -> !at.isAfter(now)).isPresent()
                    && !fired.contains(Scheduling.unpublishTimer(schedule))) {
                due.add(new RenderTask.ScheduledUnpublish(slug, schedule.generation()));
                names.add(Scheduling.unpublishTimer(schedule));
            }
        }
        if (!due.isEmpty()) {
            queue.send(due);
            fired.addAll(names);
        }
        return due.size();
    }
}
