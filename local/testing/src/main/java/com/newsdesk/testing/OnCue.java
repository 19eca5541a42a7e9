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
    private volatile boolean landed;

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
        armed.set(change);
        landed = false;
    }

    /** Whether the change ran: a test that asserts convergence must also know the race took place. */
    public boolean landed() {
        return landed;
    }

    public <T> T wrap(Class<T> type, T target) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (called.getName().equals(method) && armed.get() != null && cue.test(args)) {
                Runnable change = armed.getAndSet(null);
                if (change != null) {
                    landed = true;
                    change.run();
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
