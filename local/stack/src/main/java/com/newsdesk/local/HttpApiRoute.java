package com.newsdesk.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code HttpApi} event of a function in template.yaml: a method and path template such as
 * {@code GET /api/articles/{slug}} or {@code ANY /s/{proxy+}}, and whether the JWT authorizer guards it.
 */
record HttpApiRoute(String method, String path, SamFunction function, boolean jwtRequired) {

    /** As API Gateway puts it in the event: {@code "PUT /api/articles/{slug}"}. */
    String routeKey() {
        return method + " " + path;
    }

    /** The path parameters, by name, if this route takes the request; {@code segments} are already decoded. */
    Optional<Map<String, String>> match(String requestMethod, List<String> segments) {
        if (!method.equals("ANY") && !method.equals(requestMethod)) {
            return Optional.empty();
        }
        List<String> parts = parts();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (isGreedy(part)) {
                // {proxy+} takes the rest of the path, at least one segment of it.
                if (i >= segments.size() || segments.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(part.substring(1, part.length() - 2), String.join("/", segments.subList(i, segments.size())));
                return Optional.of(parameters);
            }
            if (i >= segments.size()) {
                return Optional.empty();
            }
            String segment = segments.get(i);
            if (isParameter(part)) {
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(part.substring(1, part.length() - 1), segment);
            } else if (!part.equals(segment)) {
                return Optional.empty();
            }
        }
        return parts.size() == segments.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** API Gateway prefers this route to others that match too, the more of its segments are literal. */
    long literalSegments() {
        return parts().stream().filter(part -> !isParameter(part)).count();
    }

    /** A route ending in {@code {name+}}, which API Gateway tries only after every other. */
    boolean greedy() {
        List<String> parts = parts();
        return isGreedy(parts.get(parts.size() - 1));
    }

    private List<String> parts() {
        return List.of(path.substring(1).split("/", -1));
    }

    private static boolean isParameter(String part) {
        return part.startsWith("{") && part.endsWith("}");
    }

    private static boolean isGreedy(String part) {
        return part.startsWith("{") && part.endsWith("+}");
    }
}
