package com.newsdesk.core.aws;

import java.util.Optional;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Marks every failed call with the service it went to, so that the HTTP edge can tell an editor or reader which
 * part is out of reach (the SDK's own client-side exceptions, timeouts among them, do not name the service, and an
 * interceptor may not change an exception's type). Also stops new calls once the request's {@link RequestBudget}
 * is spent, and counts each call's time against its service.
 */
public final class DependencyFailures implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("newsdesk.callStarted");
    private final Dependency dependency;

    DependencyFailures(Dependency dependency) {
        this.dependency = dependency;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (RequestBudget.spent()) {
            // the service that took the time is the one out of reach, not necessarily the one asked next
            throw new DependencyUnavailable(RequestBudget.slowest().orElse(dependency), new TimeoutException(
                    "the request's time budget was spent before " + context.request().getClass().getSimpleName()));
        }
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        recordTime(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        recordTime(attributes);
    }

    private void recordTime(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            RequestBudget.record(dependency, System.nanoTime() - started);
        }
    }

    /** Called once per call, after the SDK's retries. */
    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (serviceOf(failure).isEmpty()) {
            failure.addSuppressed(new ServiceMark(dependency));
        }
        return failure;
    }

    /** The service a failed call went to, if one of {@link AwsClients}' clients made it. */
    public static Optional<Dependency> serviceOf(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof ServiceMark mark) {
                return Optional.of(mark.dependency);
            }
        }
        return Optional.empty();
    }

    /** Carried as a suppressed exception: the one place a thrown exception can take an attachment. */
    private static final class ServiceMark extends RuntimeException {
        private final Dependency dependency;

        ServiceMark(Dependency dependency) {
            super(dependency.wireName(), null, false, false);
            this.dependency = dependency;
        }
    }
}
