package com.newsdesk.core.pipeline;

/** What the render worker does when a schedule's timer fires: the schedules decide, by their generation. */
public interface ScheduledChanges {
    void publishDue(String slug, String generation);

    void unpublishDue(String slug, String generation);
}
