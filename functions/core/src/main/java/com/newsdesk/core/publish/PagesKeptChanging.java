package com.newsdesk.core.publish;

import com.newsdesk.core.failure.DomainException;
import java.util.OptionalLong;

/**
 * A render gave up: what it showed changed again after each of its attempts. What was saved stays saved and every
 * step is idempotent, so the same request again finishes the pages.
 */
public final class PagesKeptChanging extends DomainException {
    public PagesKeptChanging(String pages, int attempts) {
        super(Kind.UNAVAILABLE, "The pages of " + pages + " changed again after each of " + attempts
                + " renders, so they may not show the newest state yet. What was saved stays saved: send the same request again to finish them.");
    }

    @Override
    public String title() {
        return "Pages still changing";
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(1);
    }
}
