package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.Repository;
import com.newsdesk.local.servers.SamTemplate;
import com.newsdesk.testing.ApiDescription;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every file in {@code events/} through the handler its route maps to in template.yaml, as
 * {@code sam local invoke -e} runs it, against fresh local servers that hold what {@code make run} starts with:
 * the sample article, published. Each answer must be one openapi.yaml declares for its route.
 */
class EventsTest {
    private static final Path REPOSITORY = Repository.root();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    @RegisterExtension
    static final LocalStackRunner local = new LocalStackRunner();

    @BeforeAll
    static void startWithTheSamplePublished() throws Exception {
        SampleArticle.in(REPOSITORY.resolve("samples/articles")).orElseThrow()
                .publish(local.stack.origin(), local.stack.editorToken());
    }

    /**
     * Events run in the order of their routes in template.yaml, which follows a thing's life: create, read,
     * change, remove. Like a client, an event uses what earlier events of its function gave back: a path or query
     * parameter named like a field of an earlier JSON response ({@code code}, {@code id}), or like a query
     * parameter of a link in a mail the function sent ({@code token}), takes that value.
     */
    @TestFactory
    Stream<DynamicTest> everyEvent_succeedsInItsFunction() throws IOException {
        List<HttpApiRoute> routes = HttpApiRoutes.of(SamTemplate.ofRepository()).all();
        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers = new HashMap<>();
        Map<String, Map<String, String>> returnedByFunction = new HashMap<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(REPOSITORY.resolve("events"))) {
            files = listed.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream()
                .map(file -> new RouteEvent(file, EventLoader.loadApiGatewayHttpEvent(file.toString()), routes))
                .sorted(Comparator.comparingInt(RouteEvent::routeIndex))
                .map(routeEvent -> DynamicTest.dynamicTest(routeEvent.file().getFileName().toString(), () -> {
                    HttpApiRoute route = routeEvent.route().orElseThrow(() ->
                            new AssertionError("No route " + routeEvent.event().getRouteKey() + " in template.yaml"));
                    String function = route.function().logicalId();
                    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler =
                            handlers.computeIfAbsent(function, id -> HttpApiGateway.newHandler(route.function(), Settings.of(local.stack.functionSettings())));
                    Map<String, String> returned = returnedByFunction.computeIfAbsent(function, id -> new HashMap<>());

                    Set<Path> mailsBefore = mails();
                    APIGatewayV2HTTPResponse response = handler.handleRequest(
                            withReturnedValues(routeEvent.event(), returned), LocalLambdaContext.invocation(route.function(), "events-test"));
                    ApiDescription.ofRepository().assertConforms(route.routeKey(), response);
                    remember(response, returned);
                    for (Path mail : mails()) {
                        if (!mailsBefore.contains(mail)) {
                            rememberLinks(Files.readString(mail), returned);
                        }
                    }

                    // 2xx; a route whose success is a redirect (GET /s/{code}) answers 3xx; the catch-all (the
                    // origin group's fallback for a page the bucket lacks) answers the 404 page.
                    var status = assertThat(response.getStatusCode()).as("%s answered %s", routeEvent.file().getFileName(), response.getBody());
                    if (route.greedy()) {
                        status.isEqualTo(404);
                    } else {
                        status.isBetween(200, 399);
                    }
                }));
    }

    /** The event with each path and query parameter that was given back earlier replaced, in its maps and its raw path and query. */
    private static APIGatewayV2HTTPEvent withReturnedValues(APIGatewayV2HTTPEvent event, Map<String, String> returned) {
        if (event.getPathParameters() != null) {
            Map<String, String> parameters = new HashMap<>(event.getPathParameters());
            List<String> segments = new ArrayList<>(List.of(event.getRawPath().split("/", -1)));
            parameters.replaceAll((name, value) -> {
                String given = returned.getOrDefault(name, value);
                segments.replaceAll(segment -> segment.equals(value) ? given : segment);
                return given;
            });
            event.setPathParameters(parameters);
            event.setRawPath(String.join("/", segments));
        }
        if (event.getQueryStringParameters() != null) {
            Map<String, String> parameters = new LinkedHashMap<>(event.getQueryStringParameters());
            parameters.replaceAll(returned::getOrDefault);
            event.setQueryStringParameters(parameters);
            event.setRawQueryString(parameters.entrySet().stream()
                    .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                    .collect(Collectors.joining("&")));
        }
        return event;
    }

    private static void remember(APIGatewayV2HTTPResponse response, Map<String, String> returned) throws IOException {
        String contentType = response.getHeaders() == null ? "" : response.getHeaders().getOrDefault("content-type", "");
        if (contentType.startsWith("application/json")) {
            JSON.readTree(response.getBody()).fields().forEachRemaining(field -> {
                if (field.getValue().isTextual()) {
                    returned.put(field.getKey(), field.getValue().asText());
                }
            });
        }
    }

    /** The query parameters of every link in a mail, as a reader who follows it sends them. */
    private static void rememberLinks(String mail, Map<String, String> returned) {
        Matcher link = LINK.matcher(mail);
        while (link.find()) {
            String query = URI.create(link.group()).getRawQuery();
            for (String parameter : query == null ? new String[0] : query.split("&")) {
                String[] nameAndValue = parameter.split("=", 2);
                if (nameAndValue.length == 2) {
                    returned.put(decode(nameAndValue[0]), decode(nameAndValue[1]));
                }
            }
        }
    }

    /** The mails the functions have written to the local outbox so far. */
    private static Set<Path> mails() throws IOException {
        Path outbox = Path.of(local.stack.functionSettings().get("MAIL_OUTBOX_DIR"));
        if (!Files.isDirectory(outbox)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.collect(Collectors.toSet());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private record RouteEvent(Path file, APIGatewayV2HTTPEvent event, List<HttpApiRoute> routes) {
        Optional<HttpApiRoute> route() {
            return routes.stream().filter(route -> route.routeKey().equals(event.getRouteKey())).findFirst();
        }

        /** Events of routes missing from the template come last, and fail. */
        int routeIndex() {
            return route().map(routes::indexOf).orElse(Integer.MAX_VALUE);
        }
    }
}
