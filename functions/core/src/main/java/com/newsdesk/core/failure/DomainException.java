package com.newsdesk.core.failure;

import java.util.List;
import java.util.OptionalLong;

/**
 * A failure the caller caused and can fix, or one that passes with time (too many requests, a dependency out of
 * reach). Its message is written for the caller: it is shown to them, so it never carries internals. The HTTP edge
 * maps {@link #kind()} to a status in one place.
 */
public abstract class DomainException extends RuntimeException {
    private final Kind kind;

    protected DomainException(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Short, stable summary of the kind of problem (the problem+json {@code title}). */
    public abstract String title();

    public List<Violation> violations() {
        return List.of();
    }

    /** For refusals that pass with time ({@code Retry-After}). */
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.empty();
    }

    public enum Kind {
        MALFORMED, NOT_FOUND, INVALID, FORBIDDEN, CONFLICT, STALE_VERSION, VERSION_REQUIRED, GONE, TOO_MANY, TOO_LARGE,
        UNSUPPORTED_MEDIA_TYPE, UNAUTHENTICATED, UNAVAILABLE
    }
}
