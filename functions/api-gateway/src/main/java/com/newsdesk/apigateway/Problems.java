package com.newsdesk.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.core.aws.DependencyUnavailable;
import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.failure.Violations;

/** RFC 9457 problem details: the one place a failure becomes an HTTP status and body. */
public final class Problems {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    public static int status(DomainException.Kind kind) {
        return switch (kind) {
            case MALFORMED -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case STALE_VERSION -> 412;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case INVALID -> 422;
            case VERSION_REQUIRED -> 428;
            case TOO_MANY -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    public static ApiResponse of(DomainException failure) {
        int status = status(failure.kind());
        ObjectNode problem = base(status, failure.title(), failure.getMessage());
        if (!failure.violations().isEmpty()) {
            Violations reported = Violations.of(failure.violations());
            ArrayNode errors = problem.putArray("errors");
            for (Violation violation : reported.shown()) {
                errors.addObject().put("pointer", violation.pointer()).put("message", violation.message());
            }
            if (reported.more() > 0) {
                problem.put("moreErrors", reported.more());
            }
        }
        if (failure instanceof DependencyUnavailable unavailable) {
            problem.put("unavailable", unavailable.dependency().wireName());
        }
        ApiResponse response = ApiResponse.of(status, ApiResponse.PROBLEM_JSON, problem.toString());
        if (failure.retryAfterSeconds().isPresent()) {
            response = response.withHeader("retry-after", Long.toString(failure.retryAfterSeconds().getAsLong()));
        }
        return response;
    }

    /** A failure of ours: the caller learns only that it happened and the request id to quote. */
    public static ApiResponse internal(String requestId) {
        ObjectNode problem = base(500, "Internal error",
                "Something went wrong on our side; nothing was changed by a failed step. Quote request " + requestId + ".");
        return ApiResponse.of(500, ApiResponse.PROBLEM_JSON, problem.toString());
    }

    private static ObjectNode base(int status, String title, String detail) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }
}
