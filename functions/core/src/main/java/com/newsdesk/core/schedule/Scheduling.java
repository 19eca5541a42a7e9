package com.newsdesk.core.schedule;

import com.newsdesk.core.article.ArticleNotFound;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.pipeline.RenderTask;
import com.newsdesk.core.pipeline.ScheduledChanges;
import com.newsdesk.core.publish.PublishConflict;
import com.newsdesk.core.publish.Publisher;
import com.newsdesk.core.publish.ReviewedVersionChanged;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Scheduled publishing and expiry. A schedule publishes the version that was current when the editor scheduled it,
 * and only that: a story saved after it was scheduled is not published at the minute (the schedule records why and
 * waits for an editor to schedule again or cancel). Scheduling again replaces the story's schedule; each one has a
 * generation, and a timer that fires for a replaced or cancelled one does nothing. A take-down always happens at its
 * minute, whatever was saved since.
 */
public final class Scheduling implements ScheduledChanges {
    private final ArticleStore articles;
    private final ScheduleStore schedules;
    private final ScheduleTimers timers;
    private final Publisher publisher;
    private final Clock clock;

    public Scheduling(ArticleStore articles, ScheduleStore schedules, ScheduleTimers timers, Publisher publisher, Clock clock) {
        this.articles = articles;
        this.schedules = schedules;
        this.timers = timers;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A schedule and whether the story was saved after it was made, which means it will not publish. */
    public record Scheduled(PublishSchedule schedule, long currentVersion) {
        public boolean changedSince() {
            return currentVersion != schedule.version();
        }
    }

    /** Schedules the story's current version, in place of any schedule it had. */
    public Scheduled schedule(Slug slug, ScheduleRequest request) {
        StoredArticle article = articles.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
        if (request.publishAt().isEmpty() && !article.isLive()) {
            throw new InvalidSchedule(List.of(new Violation("/publishAt", "is required: the article is not live, so there is nothing to take down")));
        }
        PublishSchedule schedule = new PublishSchedule(slug, article.version(), request.publishAt(), request.unpublishAt(),
                UUID.randomUUID().toString(), clock.instant(), Optional.empty());
        // timers first: one whose schedule then fails to be stored fires for a generation nobody has, and does nothing
        schedule.publishAt().ifPresent(at -> timers.set(publishTimer(schedule), at,
                new RenderTask.ScheduledPublish(slug.value(), schedule.generation())));
        schedule.unpublishAt().ifPresent(at -> timers.set(unpublishTimer(schedule), at,
                new RenderTask.ScheduledUnpublish(slug.value(), schedule.generation())));
        schedules.replace(schedule).ifPresent(this::cancelTimers);
        return new Scheduled(schedule, article.version());
    }

    public void cancel(Slug slug) {
        cancelTimers(schedules.remove(slug).orElseThrow(() -> new ScheduleNotFound(slug)));
    }

    public Scheduled get(Slug slug) {
        return scheduled(schedules.find(slug).orElseThrow(() -> new ScheduleNotFound(slug)));
    }

    /** The story's schedule, if it has one; for the answer to a save, which knows the current version itself. */
    public Optional<PublishSchedule> find(Slug slug) {
        return schedules.find(slug);
    }

    /** Every schedule, soonest first. */
    public List<Scheduled> upcoming() {
        return schedules.all().stream().sorted(Comparator.comparing(PublishSchedule::next)).map(this::scheduled).toList();
    }

    @Override
    public void publishDue(String slug, String generation) {
        Optional<PublishSchedule> due = firing(slug, generation).filter(schedule -> schedule.publishAt().isPresent());
        if (due.isEmpty() || due.get().skipped().isPresent()) {
            return;
        }
        PublishSchedule schedule = due.get();
        try {
            publisher.publishReviewed(schedule.slug(), schedule.version());
        } catch (ReviewedVersionChanged | PublishConflict e) {
            schedules.update(schedule.skipped(e.getMessage()));
            return;
        }
        if (schedule.unpublishAt().isPresent()) {
            schedules.update(schedule.withoutPublish());
        } else {
            schedules.finished(schedule);
        }
    }

    @Override
    public void unpublishDue(String slug, String generation) {
        Optional<PublishSchedule> due = firing(slug, generation);
        if (due.isEmpty()) {
            return;
        }
        if (articles.find(due.get().slug()).map(StoredArticle::isLive).orElse(false)) {
            publisher.unpublish(due.get().slug());
        }
        schedules.finished(due.get());
    }

    private Optional<PublishSchedule> firing(String slug, String generation) {
        return schedules.find(Slug.of(slug)).filter(schedule -> schedule.generation().equals(generation));
    }

    private Scheduled scheduled(PublishSchedule schedule) {
        long current = articles.find(schedule.slug()).map(StoredArticle::version).orElse(schedule.version());
        return new Scheduled(schedule, current);
    }

    private void cancelTimers(PublishSchedule replaced) {
        replaced.publishAt().ifPresent(at -> timers.cancel(publishTimer(replaced)));
        replaced.unpublishAt().ifPresent(at -> timers.cancel(unpublishTimer(replaced)));
    }

    static String publishTimer(PublishSchedule schedule) {
        return "publish-" + schedule.generation();
    }

    static String unpublishTimer(PublishSchedule schedule) {
        return "unpublish-" + schedule.generation();
    }
}
