package com.newsdesk.core.aws;

import com.newsdesk.core.failure.DomainException;
import java.util.OptionalLong;

/**
 * A service the request needs did not answer in time, refused the connection, failed on its side or throttled us,
 * after the SDK's retries. Nothing the caller sent is wrong: the same request, repeated a little later, completes
 * what this one left undone (every multi-step operation is written to converge that way).
 */
public final class DependencyUnavailable extends DomainException {
    /** Long enough for a throttled table or a restarting server to recover, short enough for an editor to wait. */
    static final long RETRY_AFTER_SECONDS = 5;

    private final Dependency dependency;
    private final Throwable reason;

    public DependencyUnavailable(Dependency dependency, Throwable reason) {
        super(Kind.UNAVAILABLE, dependency.description() + " is not answering at the moment. Nothing you sent is lost: "
                + "try again in " + RETRY_AFTER_SECONDS + " seconds.");
        this.dependency = dependency;
        this.reason = reason;
    }

    public Dependency dependency() {
        return dependency;
    }

    /** What the SDK reported, for the log; never shown to the caller. */
    public Throwable reason() {
        return reason;
    }

    @Override
    public String title() {
        return dependency.title();
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(RETRY_AFTER_SECONDS);
    }
}
