package com.newsdesk.apigateway;

import com.newsdesk.core.aws.DependencyFailures;
import com.newsdesk.core.aws.DependencyUnavailable;
import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Which failures of a call to AWS mean "out of reach, try again later" (503) rather than a bug of ours (500):
 * timeouts, broken or refused connections, the service's own 5xx and throttling, each after the SDK's retries.
 * What a service refuses on purpose (a failed condition, a missing key, a validation error) is not among them.
 */
public final class Unavailability {
    private Unavailability() {}

    /** The failure as the caller is told of it, when it is one of those and the service is known. */
    public static Optional<DependencyUnavailable> of(RuntimeException failure) {
        if (failure instanceof DependencyUnavailable unavailable) {
            return Optional.of(unavailable);
        }
        if (!passesWithTime(failure)) {
            return Optional.empty();
        }
        return DependencyFailures.serviceOf(failure).map(service -> new DependencyUnavailable(service, failure));
    }

    static boolean passesWithTime(Throwable failure) {
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        if (failure instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        if (failure instanceof SdkClientException) {
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException) {
                    return true;
                }
            }
        }
        return false;
    }
}
