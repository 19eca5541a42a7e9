package com.newsdesk.core.ratelimit;

import com.newsdesk.core.failure.DomainException;
import java.util.OptionalLong;

public final class TooManyRequests extends DomainException {
    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        this(retryAfterSeconds, "Too many requests from your address; try again in " + retryAfterSeconds + " seconds.");
    }

    private TooManyRequests(long retryAfterSeconds, String detail) {
        super(Kind.TOO_MANY, detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Every reader together is over a site-wide ceiling. */
    static TooManyRequests siteWide(long retryAfterSeconds) {
        return new TooManyRequests(retryAfterSeconds,
                "The site is receiving too many of these requests; try again in " + retryAfterSeconds + " seconds.");
    }

    @Override
    public String title() {
        return "Too many requests";
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(retryAfterSeconds);
    }
}
