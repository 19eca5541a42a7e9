package com.newsdesk.core.aws;

import com.newsdesk.core.site.Settings;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How long the request being answered on this thread may still start calls to AWS. Per-call timeouts bound one
 * call; a publish makes a few hundred, so a service that answers each slowly but in time could still hold the
 * caller for minutes. Past the budget no new call starts ({@link DependencyFailures}), so a request takes at most
 * its budget plus one call's timeout. The time each service took is kept, to name the one that spent the budget.
 */
public final class RequestBudget implements AutoCloseable {
    /**
     * With the slowest call's total timeout (S3, 4 s) on top, a request answers within 10 s: a third of API
     * Gateway's 30 s, and what an editor can wait for without wondering.
     */
    public static final Duration DEFAULT = Duration.ofSeconds(6);
    private static final ThreadLocal<RequestBudget> CURRENT = new ThreadLocal<>();

    private final long deadline;
    private final Map<Dependency, Long> spentNanos = new EnumMap<>(Dependency.class);

    private RequestBudget(long deadline) {
        this.deadline = deadline;
    }

    /** {@code REQUEST_BUDGET_MS}, or the default. */
    public static Duration of(Settings settings) {
        return settings.millis("REQUEST_BUDGET_MS", DEFAULT);
    }

    /** Opens the budget for the current thread; close it when the request is answered. */
    public static RequestBudget start(Duration budget) {
        RequestBudget opened = new RequestBudget(System.nanoTime() + budget.toNanos());
        CURRENT.set(opened);
        return opened;
    }

    /** True once a budget was opened on this thread and has run out; work outside a request has none. */
    static boolean spent() {
        RequestBudget budget = CURRENT.get();
        return budget != null && System.nanoTime() - budget.deadline > 0;
    }

    /** Runs {@code work} under the current thread's budget, on whichever thread runs it (an executor's). */
    public static <T> Supplier<T> carried(Supplier<T> work) {
        RequestBudget budget = CURRENT.get();
        return () -> {
            RequestBudget before = CURRENT.get();
            CURRENT.set(budget);
            try {
                return work.get();
            } finally {
                CURRENT.set(before);
            }
        };
    }

    /** Counts a finished call against the service it went to. */
    static void record(Dependency dependency, long nanos) {
        RequestBudget budget = CURRENT.get();
        if (budget != null) {
            synchronized (budget) {
                budget.spentNanos.merge(dependency, nanos, Long::sum);
            }
        }
    }

    /** The service this request has waited on longest so far. */
    static Optional<Dependency> slowest() {
        RequestBudget budget = CURRENT.get();
        if (budget == null) {
            return Optional.empty();
        }
        synchronized (budget) {
            return budget.spentNanos.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        }
    }

    @Override
    public void close() {
        CURRENT.remove();
    }
}
