package com.newsdesk.core.schedule;

import com.newsdesk.core.article.Slug;
import java.time.Instant;
import java.util.Optional;

/**
 * An editor's order to publish a story's reviewed version at a minute, to take it down at another, or both.
 *
 * @param version the article's version when the editor scheduled it: the only text the schedule will publish
 * @param generation names this order among the story's successive ones, so that a timer set for an order since
 *                   replaced or cancelled does nothing when it fires
 * @param skipped why the publish did not happen when its minute came, if it did not (the story changed after it
 *                was scheduled); the order stays until an editor schedules again or cancels it
 */
public record PublishSchedule(Slug slug, long version, Optional<Instant> publishAt, Optional<Instant> unpublishAt,
                              String generation, Instant scheduledAt, Optional<String> skipped) {

    /** The next minute something happens, for the listing's order. */
    public Instant next() {
        return publishAt.orElseGet(unpublishAt::orElseThrow);
    }

    PublishSchedule withoutPublish() {
        return new PublishSchedule(slug, version, Optional.empty(), unpublishAt, generation, scheduledAt, skipped);
    }

    PublishSchedule skipped(String reason) {
        return new PublishSchedule(slug, version, publishAt, unpublishAt, generation, scheduledAt, Optional.of(reason));
    }
}
