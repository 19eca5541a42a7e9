package com.newsdesk.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.core.failure.DomainException;
import java.util.Arrays;

/**
 * One JSON line per request: route, status, latency, slug and request id. Never a token, an e-mail address or
 * a body. A failure is logged by class and place; its message only where we know what it holds (our own domain
 * failures, written for callers, and the AWS SDK's, which name the service and the request), because other
 * messages often quote their input ({@code For input string: "…"}).
 */
final class RequestLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestLog() {}

    static void write(Context context, ApiRequest request, ApiResponse response, long millis, Throwable failure) {
        ObjectNode line = JSON.createObjectNode();
        line.put("level", failure == null ? (response.status() >= 500 ? "ERROR" : "INFO") : "ERROR");
        line.put("route", request.routeKey());
        line.put("status", response.status());
        line.put("latencyMs", millis);
        String slug = request.pathParameter("slug");
        if (slug != null) {
            line.put("slug", slug.length() > 120 ? slug.substring(0, 120) : slug);
        }
        line.put("requestId", request.requestId());
        if (failure != null) {
            line.put("error", failure.getClass().getName());
            if (failure instanceof DomainException || failure.getClass().getName().startsWith("software.amazon.awssdk.")) {
                line.put("errorMessage", String.valueOf(failure.getMessage()));
            }
            StackTraceElement[] trace = failure.getStackTrace();
            if (trace.length > 0) {
                line.put("at", trace[0].toString());
            }
            Arrays.stream(trace).filter(frame -> frame.getClassName().startsWith("com.newsdesk.")).findFirst()
                    .ifPresent(frame -> line.put("inOurCodeAt", frame.toString()));
        }
        String text = line.toString();
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(text + "\n");
        } else {
            System.out.println(text);
        }
    }
}
