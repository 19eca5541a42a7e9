package com.newsdesk.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Counts the calls of one method of an interface, by their arguments, and passes every call on. */
public final class CallCounter {
    private final AtomicInteger calls = new AtomicInteger();

    public int calls() {
        return calls.get();
    }

    /** {@code target} as seen through this counter: calls of {@code method} whose arguments match are counted. */
    public <T> T wrap(Class<T> type, T target, String method, Predicate<Object[]> counted) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (called.getName().equals(method) && counted.test(args)) {
                calls.incrementAndGet();
            }
            try {
                return called.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
