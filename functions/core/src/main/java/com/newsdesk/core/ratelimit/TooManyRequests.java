package com.newsdesk.core.ratelimit;

import com.newsdesk.core.failure.DomainException;
import java.util.OptionalLong;

public final class TooManyRequests extends DomainException {
    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super(Kind.TOO_MANY, "Too many requests from your address; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
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
