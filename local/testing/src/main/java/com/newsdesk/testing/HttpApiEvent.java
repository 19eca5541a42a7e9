package com.newsdesk.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An event as API Gateway's HTTP API hands it to a function (payload format 2.0), built up by a test: a new one
 * for a route, or one of {@code events/} adjusted. Only the parts the functions read are filled in.
 */
public final class HttpApiEvent {
    /** The claims the JWT authorizer passes on for a member of the editors group. */
    public static final Map<String, String> EDITOR = Map.of("sub", "editor-1", "cognito:groups", "[editors]",
            "email", "editor@news.example");
    /** The claims the JWT authorizer passes on for a member of the writers group. */
    public static final Map<String, String> WRITER = Map.of("sub", "writer-1", "cognito:groups", "[writers]",
            "email", "writer@news.example");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final APIGatewayV2HTTPEvent event;

    private HttpApiEvent(APIGatewayV2HTTPEvent event) {
        this.event = event;
        // loaded events hold immutable maps, or none; every change below goes into a copy of its own
        event.setHeaders(new LinkedHashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders()));
        event.setPathParameters(new LinkedHashMap<>(event.getPathParameters() == null ? Map.of() : event.getPathParameters()));
    }

    /**
     * A request to a route of the template, e.g. {@code ("POST", "/api/articles/{slug}/comments")}, from
     * 203.0.113.7 with no token; fill the route's parameters in with {@link #path}.
     */
    public static HttpApiEvent request(String method, String routeTemplate) {
        String routeKey = method + " " + routeTemplate;
        return new HttpApiEvent(APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(routeTemplate)
                .withRawQueryString("")
                .withIsBase64Encoded(false)
                .withRequestContext(RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withRouteKey(routeKey)
                        .withHttp(RequestContext.Http.builder().withMethod(method).withPath(routeTemplate).withSourceIp("203.0.113.7").build())
                        .build())
                .build());
    }

    /** An event of {@code events/} (or any other), to adjust; the event itself is changed. */
    public static HttpApiEvent of(APIGatewayV2HTTPEvent event) {
        return new HttpApiEvent(event);
    }

    /** Sets a path parameter, and puts its value in the raw path where the route template names it. */
    public HttpApiEvent path(String name, String value) {
        event.getPathParameters().put(name, value);
        if (value != null) {
            event.setRawPath(event.getRawPath().replace("{" + name + "}", value));
            event.getRequestContext().getHttp().setPath(event.getRawPath());
        }
        return this;
    }

    public HttpApiEvent slug(String slug) {
        return path("slug", slug);
    }

    /** The connection's address, as API Gateway sees it. */
    public HttpApiEvent from(String sourceIp) {
        event.getRequestContext().getHttp().setSourceIp(sourceIp);
        return this;
    }

    /** The claims of the token the authorizer verified; {@code null} for a request that carried none. */
    public HttpApiEvent claims(Map<String, String> claims) {
        event.getRequestContext().setAuthorizer(claims == null ? null : RequestContext.Authorizer.builder()
                .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                .build());
        return this;
    }

    public HttpApiEvent editor() {
        return claims(EDITOR);
    }

    public HttpApiEvent writer() {
        return claims(WRITER);
    }

    /** Sets a header (API Gateway lower-cases their names); a {@code null} value takes it away. */
    public HttpApiEvent header(String name, String value) {
        if (value == null) {
            event.getHeaders().remove(name);
        } else {
            event.getHeaders().put(name, value);
        }
        return this;
    }

    /** Adds a query parameter, to the decoded parameters and the raw query string alike. */
    public HttpApiEvent query(String name, String value) {
        Map<String, String> query = new LinkedHashMap<>(event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters());
        query.put(name, value);
        event.setQueryStringParameters(query);
        event.setRawQueryString(query.entrySet().stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&")));
        return this;
    }

    public HttpApiEvent query(Map<String, String> parameters) {
        parameters.forEach(this::query);
        return this;
    }

    /** A body as text, as API Gateway passes JSON and other text types. */
    public HttpApiEvent body(String contentType, String text) {
        header("content-type", contentType);
        event.setBody(text);
        event.setIsBase64Encoded(false);
        return this;
    }

    /** A body as bytes, base64-encoded, as API Gateway passes any type it does not take for text. */
    public HttpApiEvent body(String contentType, byte[] bytes) {
        header("content-type", contentType);
        event.setBody(Base64.getEncoder().encodeToString(bytes));
        event.setIsBase64Encoded(true);
        return this;
    }

    /** A JSON body: a string or bytes as they are, anything else as Jackson writes it. */
    public HttpApiEvent json(Object body) {
        if (body instanceof byte[] bytes) {
            return body("application/json", bytes);
        }
        try {
            return body("application/json", body instanceof String text ? text : JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Fields as an HTML form posts them. */
    public HttpApiEvent form(Map<String, String> fields) {
        return body("application/x-www-form-urlencoded", fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")));
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
