package com.newsdesk.core.publish;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.pipeline.RenderQueue;
import com.newsdesk.core.pipeline.RenderTask;
import com.newsdesk.core.pipeline.ScheduledChanges;
import com.newsdesk.core.pipeline.SqsRenderQueue;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Does one batch of the render queue's messages and names those that failed, so that only they come back
 * (Lambda's partial batch response). Stories go first, since they queue list renders; a list named by several
 * messages of the batch is rendered once, at the newest revision any of them asks for. A failed message comes
 * back after a backoff that doubles with each attempt; after the queue's last attempt it rests in the dead-letter
 * queue, and a failed re-render message is counted on its job so the job still finishes.
 */
public final class RenderWorker {
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    /** A message as the queue delivered it; {@code receiveCount} is 1 on the first delivery. */
    public record Delivery(String messageId, String receiptHandle, String body, int receiveCount) {}

    private final StoryFollowUp stories;
    private final AuthorFollowUp authors;
    private final ListPages listPages;
    private final SiteRerender site;
    private final ScheduledChanges schedules;
    private final RenderQueue queue;
    private final int maxReceives;
    private final PrintStream log;

    /** @param maxReceives the queue's receives before dead-lettering (its redrive policy's maxReceiveCount) */
    public RenderWorker(StoryFollowUp stories, AuthorFollowUp authors, ListPages listPages, SiteRerender site,
                        ScheduledChanges schedules, RenderQueue queue, int maxReceives, PrintStream log) {
        this.stories = stories;
        this.authors = authors;
        this.listPages = listPages;
        this.site = site;
        this.schedules = schedules;
        this.queue = queue;
        this.maxReceives = maxReceives;
        this.log = log;
    }

    /** Returns the ids of the messages that failed. */
    public List<String> handle(List<Delivery> batch) {
        List<String> failed = new ArrayList<>();
        Map<String, List<Received>> byList = new LinkedHashMap<>();
        List<Received> ordered = new ArrayList<>();
        for (Delivery delivery : batch) {
            Received received;
            try {
                received = new Received(delivery, SqsRenderQueue.read(delivery.body()));
            } catch (IllegalArgumentException e) {
                failed(delivery, null, e, failed);
                continue;
            }
            if (received.task() instanceof RenderTask.ListChanged change) {
                byList.computeIfAbsent(change.list().key(), key -> new ArrayList<>()).add(received);
            } else if (received.task() instanceof RenderTask.StoryChanged) {
                ordered.add(0, received);
            } else {
                ordered.add(received);
            }
        }
        for (Received received : ordered) {
            try {
                run(received.task());
            } catch (RuntimeException e) {
                failed(received.delivery(), received.task(), e, failed);
            }
        }
        for (List<Received> changes : byList.values()) {
            RenderTask.ListChanged newest = changes.stream().map(received -> (RenderTask.ListChanged) received.task())
                    .max(Comparator.comparingLong(RenderTask.ListChanged::revision)).orElseThrow();
            try {
                listPages.bringUpTo(newest.list(), newest.revision());
            } catch (RuntimeException e) {
                changes.forEach(received -> failed(received.delivery(), received.task(), e, failed));
            }
        }
        return failed;
    }

    /** A delivery and the task its body carries, read once. */
    private record Received(Delivery delivery, RenderTask task) {}

    /** Every task but a list's, which {@link #handle} renders once for all the batch's messages naming it. */
    private void run(RenderTask task) {
        if (task instanceof RenderTask.StoryChanged story) {
            stories.follow(Slug.of(story.slug()));
        } else if (task instanceof RenderTask.PageRerender page) {
            site.page(page.job(), Slug.of(page.slug()));
        } else if (task instanceof RenderTask.ListRebuild list) {
            site.list(list.job(), list.list());
        } else if (task instanceof RenderTask.SiteRerenderSlice slice) {
            site.slice(slice.job(), slice.after());
        } else if (task instanceof RenderTask.ScheduledPublish publish) {
            schedules.publishDue(publish.slug(), publish.generation());
        } else if (task instanceof RenderTask.ScheduledUnpublish unpublish) {
            schedules.unpublishDue(unpublish.slug(), unpublish.generation());
        } else if (task instanceof RenderTask.AuthorChanged author) {
            authors.follow(author.slug());
        }
    }

    private void failed(Delivery delivery, RenderTask task, RuntimeException cause, List<String> failed) {
        failed.add(delivery.messageId());
        boolean last = delivery.receiveCount() >= maxReceives;
        log.println("Render message " + delivery.messageId() + " failed on attempt " + delivery.receiveCount() + " of "
                + maxReceives + (last ? ", and goes to the dead-letter queue" : "") + ": "
                + (task == null ? "unreadable" : task.getClass().getSimpleName()) + ": " + cause.getClass().getSimpleName()
                + errorCode(cause));
        if (last) {
            jobOf(task).ifPresent(this::countFailed);
            return;
        }
        try {
            queue.retryAfter(delivery.receiptHandle(), backoff(delivery.receiveCount()));
        } catch (RuntimeException e) {
            // the queue's own visibility timeout brings it back, later
        }
    }

    private void countFailed(String job) {
        try {
            site.failed(job);
        } catch (RuntimeException e) {
            log.println("Re-render job " + job + ": a failed message could not be counted: " + e.getClass().getSimpleName());
        }
    }

    private static Optional<String> jobOf(RenderTask task) {
        if (task instanceof RenderTask.PageRerender page) {
            return Optional.of(page.job());
        }
        return task instanceof RenderTask.ListRebuild list ? Optional.of(list.job()) : Optional.empty();
    }

    /** AWS's error code, which names what went wrong without quoting the request, unlike an exception's message. */
    private static String errorCode(RuntimeException cause) {
        return cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? " (" + aws.awsErrorDetails().errorCode() + ")" : "";
    }

    /** 1 s, 2 s, 4 s ... up to five minutes. */
    static Duration backoff(int receiveCount) {
        long seconds = FIRST_RETRY.toSeconds() << Math.min(20, Math.max(0, receiveCount - 1));
        return Duration.ofSeconds(Math.min(seconds, LONGEST_RETRY.toSeconds()));
    }
}
