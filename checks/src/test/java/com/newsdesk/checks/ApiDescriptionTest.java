package com.newsdesk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.local.servers.Repository;
import com.newsdesk.local.servers.SamTemplate;
import com.newsdesk.testing.ApiDescription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code openapi.yaml} against everything else that says what the API is: Redocly's linter, the routes of
 * template.yaml, and the sample events of {@code events/}. (Every response of the functions' API tests is held
 * against it where their harnesses read it: {@code com.newsdesk.testing.HttpResponse}.)
 */
class ApiDescriptionTest {
    private static final Path ROOT = Repository.root();
    private final ApiDescription description = ApiDescription.ofRepository();

    @Test
    void redoclyLintsTheDescription_withoutErrorOrWarning() throws Exception {
        Path redocly = ROOT.resolve("checks/node_modules/.bin/redocly");
        assertThat(redocly).as("Redocly CLI; run npm ci in checks/ (the build does when it is missing)").exists();
        ProcessBuilder lint = new ProcessBuilder(redocly.toString(), "lint", "openapi.yaml", "--format=stylish", "--max-problems=100")
                .directory(ROOT.toFile())
                .redirectErrorStream(true);
        // Nothing leaves the machine: no usage reports, no update check.
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = lint.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("redocly lint finished").isTrue();

        assertThat(process.exitValue()).as("redocly lint openapi.yaml:%n%s", output).isZero();
        assertThat(output).as("redocly lint openapi.yaml:%n%s", output).doesNotContainPattern("(?m)^\\s*\\d+:\\d+\\s+warning\\s");
    }

    /** What a route's missing half is, named so it can be added in a minute. */
    @Test
    void everyRouteOfTheTemplate_isAnOperationOfTheDescription_andNothingElseIs() {
        Map<String, String> routes = templateRoutes();
        List<String> problems = new ArrayList<>();
        routes.forEach((routeKey, where) -> {
            if (!description.routeKeys().contains(routeKey)) {
                String[] methodAndPath = routeKey.split(" ", 2);
                problems.add("template.yaml routes " + routeKey + " (" + where + ") but openapi.yaml does not describe it: add paths."
                        + methodAndPath[1] + "." + methodAndPath[0].toLowerCase(Locale.ROOT));
            }
        });
        for (String routeKey : new TreeSet<>(description.routeKeys())) {
            if (!routes.containsKey(routeKey)) {
                problems.add("openapi.yaml describes " + routeKey + ", which no function's HttpApi event in template.yaml routes");
            }
        }
        assertThat(problems).as("routes of template.yaml against operations of openapi.yaml").isEmpty();
    }

    /** A route without a token in template.yaml is one the description marks {@code security: []}, and only those. */
    @Test
    void theRoutesOpenToAnyone_areTheOperationsWithoutSecurity() {
        List<String> problems = new ArrayList<>();
        templateRoutes().forEach((routeKey, where) -> {
            String[] methodAndPath = routeKey.split(" ", 2);
            JsonNode operation = description.document().path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                return;
            }
            boolean open = where.endsWith("Authorizer: NONE");
            boolean describedOpen = operation.has("security") && operation.get("security").isEmpty();
            if (open != describedOpen) {
                problems.add(routeKey + (open ? " takes no token in template.yaml: mark it security: [] in openapi.yaml"
                        : " needs an editor's token in template.yaml, but openapi.yaml marks it security: []"));
            }
        });
        assertThat(problems).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyEventOfTheEventsFolder_isARequestItsOperationTakes() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(ROOT.resolve("events"))) {
            files = listed.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(file.toString());
            assertThat(description.requestProblems(event)).as("%s against openapi.yaml", file.getFileName()).isEmpty();
        }));
    }

    /** Each route key of template.yaml's HTTP API, and where it is declared: function, event and authorizer. */
    private static Map<String, String> templateRoutes() {
        SamTemplate template = SamTemplate.ofRepository();
        Map<String, String> routes = new TreeMap<>();
        template.resources("AWS::Serverless::Function").forEach((function, definition) ->
                definition.path("Properties").path("Events").fields().forEachRemaining(event -> {
                    JsonNode properties = event.getValue().path("Properties");
                    if (event.getValue().path("Type").asText().equals("HttpApi")) {
                        String authorizer = properties.path("Auth").path("Authorizer").asText("the API's default");
                        routes.put(properties.path("Method").asText().toUpperCase(Locale.ROOT) + " " + properties.path("Path").asText(),
                                function + ", event " + event.getKey() + ", Authorizer: " + authorizer);
                    }
                }));
        return routes;
    }
}
