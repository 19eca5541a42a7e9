package com.newsdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.local.servers.SamTemplate;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every route of template.yaml's HTTP API; a request goes to the first that matches in API Gateway's order, most specific first. */
final class HttpApiRoutes {
    private static final Comparator<HttpApiRoute> API_GATEWAY_ORDER = Comparator
            .comparing(HttpApiRoute::greedy)
            .thenComparing(HttpApiRoute::literalSegments, Comparator.reverseOrder())
            .thenComparing(route -> route.method().equals("ANY"));

    private final List<HttpApiRoute> declared;
    private final List<HttpApiRoute> byPrecedence;

    private HttpApiRoutes(List<HttpApiRoute> declared) {
        this.declared = List.copyOf(declared);
        this.byPrecedence = declared.stream().sorted(API_GATEWAY_ORDER).toList();
    }

    static HttpApiRoutes of(SamTemplate template) {
        List<HttpApiRoute> routes = new ArrayList<>();
        for (SamFunction function : SamFunction.all(template)) {
            for (JsonNode event : function.definition().path("Properties").path("Events")) {
                if (event.path("Type").asText().equals("HttpApi")) {
                    routes.add(route(template, function, event.path("Properties")));
                }
            }
        }
        return new HttpApiRoutes(routes);
    }

    /** In the order template.yaml declares them. */
    List<HttpApiRoute> all() {
        return declared;
    }

    /** The route that takes a request, with its path parameters decoded as API Gateway passes them. */
    Optional<Match> match(String method, String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.substring(1).split("/", -1)) {
            // A literal + is a plus in a path, not a space as URLDecoder has it.
            segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        for (HttpApiRoute route : byPrecedence) {
            Optional<Map<String, String>> parameters = route.match(method, segments);
            if (parameters.isPresent()) {
                return Optional.of(new Match(route, parameters.get()));
            }
        }
        return Optional.empty();
    }

    record Match(HttpApiRoute route, Map<String, String> pathParameters) {}

    private static HttpApiRoute route(SamTemplate template, SamFunction function, JsonNode event) {
        String path = event.path("Path").asText();
        if (!path.startsWith("/")) {
            throw new IllegalStateException(function.logicalId() + ": HttpApi events without a Path are not emulated locally");
        }
        // An event names its API by !Ref; without ApiId SAM makes an implicit API that has no authorizers.
        JsonNode api = template.json().path("Resources").path(event.path("ApiId").path("Ref").asText());
        JsonNode apiAuth = api.path("Properties").path("Auth");
        String authorizer = event.path("Auth").path("Authorizer").asText(apiAuth.path("DefaultAuthorizer").asText("NONE"));
        boolean jwtRequired = !authorizer.equals("NONE");
        if (jwtRequired && !apiAuth.path("Authorizers").path(authorizer).has("JwtConfiguration")) {
            throw new IllegalStateException(function.logicalId() + ": authorizer " + authorizer
                    + " is not a JWT authorizer of its API; only JWT authorizers are emulated locally");
        }
        return new HttpApiRoute(event.path("Method").asText("ANY").toUpperCase(Locale.ROOT), path, function, jwtRequired);
    }
}
