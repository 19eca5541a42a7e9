package com.newsdesk.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Makes a race happen every time instead of once in a thousand runs: wraps a store or bucket (any interface) so
 * that the next call matching a cue first lets another change land, then goes on. Placed between a render's reads
 * and its write, the change is one the render cannot have seen, and only a render that checks afterwards shows it.
 */
public final class OnCue {
    private final String method;
    private final Predicate<Object[]> cue;
    private final AtomicReference<Runnable> armed = new AtomicReference<>();
    private final ThreadLocal<Boolean> changing = ThreadLocal.withInitial(() -> false);
    private volatile boolean everyTime;
    private volatile int landed;

    /** @param cue which calls of {@code method}, by their arguments, let the change land first */
    public OnCue(String method, Predicate<Object[]> cue) {
        this.method = method;
        this.cue = cue;
    }

    /**
     * The next matching call runs {@code change} first, once; calls the change itself makes go straight through.
     * A change that throws stands for a failure of that call: it never happens.
     */
    public void arm(Runnable change) {
        everyTime = false;
        armed.set(change);
    }

    /** Every matching call runs {@code change} first: a race lost every time, as under a storm of changes. */
    public void armForEveryCall(Runnable change) {
        everyTime = true;
        armed.set(change);
    }

    public void disarm() {
        armed.set(null);
    }

    /** Whether the change ran: a test that asserts convergence must also know the race took place. */
    public boolean landed() {
        return landed > 0;
    }

    /** How many times the change ran. */
    public int landings() {
        return landed;
    }

    public <T> T wrap(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (called.getName().equals(method) && !changing.get() && armed.get() != null && cue.test(args)) {
                Runnable change = everyTime ? armed.get() : armed.getAndSet(null);
                if (change != null) {
                    landed++;
                    changing.set(true);
                    try {
                        change.run();
                    } finally {
                        changing.set(false);
                    }
                }
            }
            try {
                return called.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
