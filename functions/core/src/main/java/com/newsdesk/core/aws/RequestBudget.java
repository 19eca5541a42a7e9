package com.newsdesk.core.aws;

import com.newsdesk.core.site.Settings;
import java.time.Duration;

/**
 * How long the request being answered on this thread may still start calls to AWS. Per-call timeouts bound one
 * call; a publish makes a few hundred, so a service that answers each slowly but in time could still hold the
 * caller for minutes. Past the budget no new call starts ({@link DependencyFailures}), so a request takes at most
 * its budget plus one call's timeout.
 */
public final class RequestBudget implements AutoCloseable {
    /**
     * With the slowest call's total timeout (S3, 4 s) on top, a request answers within 10 s: a third of API
     * Gateway's 30 s, and what an editor can wait for without wondering.
     */
    public static final Duration DEFAULT = Duration.ofSeconds(6);
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private RequestBudget() {}

    /** {@code REQUEST_BUDGET_MS}, or the default. */
    public static Duration of(Settings settings) {
        return settings.millis("REQUEST_BUDGET_MS", DEFAULT);
    }

    /** Opens the budget for the current thread; close it when the request is answered. */
    public static RequestBudget start(Duration budget) {
        DEADLINE.set(System.nanoTime() + budget.toNanos());
        return new RequestBudget();
    }

    /** True once a budget was opened on this thread and has run out; work outside a request has none. */
    static boolean spent() {
        Long deadline = DEADLINE.get();
        return deadline != null && System.nanoTime() - deadline > 0;
    }

    @Override
    public void close() {
        DEADLINE.remove();
    }
}
