package com.newsdesk.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.newsdesk.local.servers.OpenApiDocument;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code openapi.yaml}, bundled as {@code GET /api/openapi.json} serves it, held against what the functions
 * actually send and answer: a request (an event of {@code events/}) against its operation's parameters, security
 * and body; a response against the statuses, media types, headers and body schemas its operation declares. An
 * event names its operation by its route key, as API Gateway picks the route. Schemas are checked by a JSON Schema
 * 2020-12 validator with OpenAPI 3.1's dialect, formats asserted.
 */
public final class ApiDescription {
    private static final String BASE = "https://newsdesk.invalid/api/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static volatile ApiDescription ofRepository;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public ApiDescription(JsonNode document) {
        this.document = document;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).locale(Locale.ENGLISH).build();
        String text = document.toString();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(BASE, text)));
    }

    /** The checkout's description, read once per JVM. */
    public static ApiDescription ofRepository() {
        if (ofRepository == null) {
            synchronized (ApiDescription.class) {
                if (ofRepository == null) {
                    ofRepository = new ApiDescription(OpenApiDocument.ofRepository());
                }
            }
        }
        return ofRepository;
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation as its route key, e.g. {@code GET /api/articles/{slug}}. */
    public Set<String> routeKeys() {
        Set<String> keys = new HashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return keys;
    }

    /** What in the request its operation does not allow; empty when it conforms. */
    public List<String> requestProblems(APIGatewayV2HTTPEvent request) {
        List<String> problems = new ArrayList<>();
        Optional<Located> operation = operation(request.getRouteKey());
        if (operation.isEmpty()) {
            return List.of("openapi.yaml has no operation for the route " + request.getRouteKey());
        }
        String path = request.getRouteKey().substring(request.getRouteKey().indexOf(' ') + 1);
        Map<String, Located> parameters = parameters(operation.get(), path);

        // API Gateway passes a greedy variable, {proxy+}, as the parameter proxy.
        Map<String, String> pathValues = new HashMap<>();
        if (request.getPathParameters() != null) {
            request.getPathParameters().forEach((name, value) -> pathValues.put(path.contains("{" + name + "+}") ? name + "+" : name, value));
        }
        Map<String, String> queryValues = request.getQueryStringParameters() == null ? Map.of() : request.getQueryStringParameters();
        Map<String, String> headers = lowerCase(request.getHeaders());
        checkParameters("path", pathValues, parameters, problems);
        checkParameters("query", queryValues, parameters, problems);
        checkParameters("header", headers, parameters, problems);
        String expectedPath = path;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            expectedPath = expectedPath.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (request.getRawPath() != null && !request.getRawPath().equals(expectedPath)) {
            problems.add("the raw path " + request.getRawPath() + " is not " + path + " with its path parameters (" + expectedPath + ")");
        }

        JsonNode security = operation.get().node().has("security") ? operation.get().node().get("security") : document.path("security");
        boolean needsToken = security.isArray() && !security.isEmpty() && !security.get(0).isEmpty();
        if (needsToken && !headers.getOrDefault("authorization", "").startsWith("Bearer ")) {
            problems.add("the operation needs an editor's token (Authorization: Bearer ...), which the request lacks");
        }

        checkBody(request, headers, operation.get(), problems);
        return problems;
    }

    /** What in the response its operation does not declare; empty when it conforms. */
    public List<String> responseProblems(String routeKey, APIGatewayV2HTTPResponse response) {
        Optional<Located> operation = operation(routeKey);
        if (operation.isEmpty()) {
            return List.of("openapi.yaml has no operation for the route " + routeKey);
        }
        String status = Integer.toString(response.getStatusCode());
        JsonNode responses = operation.get().node().path("responses");
        String declared = responses.has(status) ? status : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX" : responses.has("default") ? "default" : null;
        if (declared == null) {
            return List.of(routeKey + " answered " + status + ", a status its operation does not declare (it declares "
                    + String.join(", ", iterable(responses.fieldNames())) + "); body: " + abbreviated(response.getBody()));
        }
        Located declaredResponse = resolve(operation.get().child("responses").child(declared));
        List<String> problems = new ArrayList<>();
        Map<String, String> headers = lowerCase(response.getHeaders());

        declaredResponse.node().path("headers").fields().forEachRemaining(header -> {
            Located definition = resolve(declaredResponse.child("headers").child(header.getKey()));
            String value = headers.get(header.getKey().toLowerCase(Locale.ROOT));
            if (value == null) {
                if (definition.node().path("required").asBoolean(false)) {
                    problems.add("header " + header.getKey() + " is required and missing");
                }
            } else if (definition.node().has("schema")) {
                validate(definition.child("schema"), coerced(value, definition.node().get("schema")), "header " + header.getKey(), problems);
            }
        });

        JsonNode content = declaredResponse.node().path("content");
        String body = response.getBody() == null ? "" : response.getBody();
        if (content.isEmpty()) {
            if (!body.isEmpty()) {
                problems.add("the response has a body, which " + status + " does not declare: " + abbreviated(body));
            }
        } else {
            String mediaType = mediaType(headers.get("content-type"));
            if (!content.has(mediaType)) {
                problems.add("content-type " + headers.get("content-type") + " is not one " + status + " declares ("
                        + String.join(", ", iterable(content.fieldNames())) + ")");
            } else {
                Located schema = declaredResponse.child("content").child(mediaType).child("schema");
                if (schema.node() != null && !schema.node().isMissingNode()) {
                    parsed(mediaType, body.getBytes(StandardCharsets.UTF_8), problems)
                            .ifPresent(instance -> validate(schema, instance, "the " + status + " body", problems));
                }
            }
        }
        return problems.stream().map(problem -> routeKey + " " + status + ": " + problem).toList();
    }

    /** Fails with every difference when the response is not one its route's operation declares. */
    public void assertConforms(String routeKey, APIGatewayV2HTTPResponse response) {
        List<String> problems = responseProblems(routeKey, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("The response does not match openapi.yaml:\n  " + String.join("\n  ", problems));
        }
    }

    private void checkParameters(String in, Map<String, String> values, Map<String, Located> parameters, List<String> problems) {
        for (Located parameter : parameters.values()) {
            JsonNode definition = parameter.node();
            if (!definition.path("in").asText().equals(in)) {
                continue;
            }
            String name = in.equals("header") ? definition.path("name").asText().toLowerCase(Locale.ROOT) : definition.path("name").asText();
            String value = values.get(name);
            if (value == null) {
                if (definition.path("required").asBoolean(false)) {
                    problems.add(in + " parameter " + name + " is required and missing");
                }
                continue;
            }
            validate(parameter.child("schema"), coerced(value, definition.path("schema")), in + " parameter " + name, problems);
        }
        if (in.equals("header")) {
            return;
        }
        for (String name : values.keySet()) {
            boolean declared = parameters.values().stream()
                    .anyMatch(parameter -> parameter.node().path("in").asText().equals(in) && parameter.node().path("name").asText().equals(name));
            if (!declared) {
                problems.add(in + " parameter " + name + " is not declared by the operation");
            }
        }
    }

    private void checkBody(APIGatewayV2HTTPEvent request, Map<String, String> headers, Located operation, List<String> problems) {
        byte[] body = request.getBody() == null ? new byte[0]
                : request.getIsBase64Encoded() ? Base64.getDecoder().decode(request.getBody()) : request.getBody().getBytes(StandardCharsets.UTF_8);
        if (!operation.node().has("requestBody")) {
            if (body.length > 0) {
                problems.add("the request has a body, which the operation does not take");
            }
            return;
        }
        Located requestBody = resolve(operation.child("requestBody"));
        if (body.length == 0) {
            if (requestBody.node().path("required").asBoolean(false)) {
                problems.add("the operation requires a body, which the request lacks");
            }
            return;
        }
        String mediaType = mediaType(headers.get("content-type"));
        JsonNode content = requestBody.node().path("content");
        if (!content.has(mediaType)) {
            problems.add("the body's content-type " + headers.get("content-type") + " is not one the operation takes ("
                    + String.join(", ", iterable(content.fieldNames())) + ")");
            return;
        }
        parsed(mediaType, body, problems).ifPresent(instance ->
                validate(requestBody.child("content").child(mediaType).child("schema"), instance, "the request body", problems));
    }

    /** The body as the schema sees it: JSON parsed, a form's fields as an object of strings, anything else as text. */
    private static Optional<JsonNode> parsed(String mediaType, byte[] body, List<String> problems) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            try {
                return Optional.of(JSON.readTree(body));
            } catch (IOException e) {
                problems.add("the " + mediaType + " body is not JSON: " + abbreviated(text));
                return Optional.empty();
            }
        }
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            ObjectNode fields = NODES.objectNode();
            for (String field : text.isEmpty() ? new String[0] : text.split("&")) {
                String[] nameAndValue = field.split("=", 2);
                fields.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length == 2 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            }
            return Optional.of(fields);
        }
        return Optional.of(NODES.textNode(text));
    }

    private void validate(Located schema, JsonNode instance, String what, List<String> problems) {
        Schema compiled = schemas.computeIfAbsent(schema.pointer(), pointer -> registry.getSchema(SchemaLocation.of(BASE + "#" + pointer)));
        for (Error error : compiled.validate(instance)) {
            problems.add(what + " at " + error.getInstanceLocation() + ": " + error.getMessage()
                    + " (schema " + error.getSchemaLocation() + ")");
        }
    }

    /** A parameter or header value as its schema's type reads it. */
    private static JsonNode coerced(String value, JsonNode schema) {
        String type = schema.path("type").asText("");
        try {
            return switch (type) {
                case "integer" -> NODES.numberNode(Long.parseLong(value));
                case "number" -> NODES.numberNode(new BigDecimal(value));
                case "boolean" -> value.equals("true") || value.equals("false") ? NODES.booleanNode(Boolean.parseBoolean(value)) : NODES.textNode(value);
                default -> NODES.textNode(value);
            };
        } catch (NumberFormatException e) {
            return NODES.textNode(value);
        }
    }

    private Optional<Located> operation(String routeKey) {
        if (routeKey == null || routeKey.indexOf(' ') < 0) {
            return Optional.empty();
        }
        String method = routeKey.substring(0, routeKey.indexOf(' ')).toLowerCase(Locale.ROOT);
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        Located operation = new Located(document, "").child("paths").child(path).child(method);
        return operation.node().isMissingNode() ? Optional.empty() : Optional.of(operation);
    }

    /** The path's and the operation's parameters by location and name, the operation's winning. */
    private Map<String, Located> parameters(Located operation, String path) {
        Map<String, Located> parameters = new LinkedHashMap<>();
        Located pathItem = new Located(document, "").child("paths").child(path);
        for (Located owner : List.of(pathItem, operation)) {
            JsonNode list = owner.node().path("parameters");
            for (int i = 0; i < list.size(); i++) {
                Located parameter = resolve(owner.child("parameters").child(Integer.toString(i)));
                parameters.put(parameter.node().path("in").asText() + ":" + parameter.node().path("name").asText(), parameter);
            }
        }
        return parameters;
    }

    /** Follows a {@code $ref} within the document (responses, parameters, headers, request bodies). */
    private Located resolve(Located located) {
        Located current = located;
        while (current.node().has("$ref")) {
            String pointer = current.node().get("$ref").asText().substring(1);
            current = new Located(document.at(pointer), pointer);
        }
        return current;
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        return lower;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static Iterable<String> iterable(Iterator<String> names) {
        return () -> names;
    }

    /** A node of the document and its JSON Pointer, so a schema is compiled where it stands and its refs resolve. */
    private record Located(JsonNode node, String pointer) {
        Located child(String name) {
            JsonNode child = node.isArray() ? node.path(Integer.parseInt(name)) : node.path(name);
            return new Located(child, pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
        }
    }
}
