package com.newsdesk.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** The event API Gateway's HTTP API hands a function for a request: payload format 2.0. */
final class HttpApiEvents {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** Bodies of these types arrive as text; any other body, form posts included, arrives base64-encoded. */
    private static final Pattern TEXT_MEDIA_TYPE =
            Pattern.compile("text/.*|application/(.*\\+)?(json|xml)|application/javascript", Pattern.CASE_INSENSITIVE);

    private HttpApiEvents() {}

    /**
     * @param rawPath the path as the CDN forwards it
     * @param edgeHeaders set by the CDN in front, lower-case, replacing the client's
     */
    static APIGatewayV2HTTPEvent of(HttpExchange exchange, String rawPath, Map<String, String> edgeHeaders, HttpApiRoutes.Match match,
                                    byte[] body, Map<String, String> claims, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (lowerCase.equals("cookie")) {
                values.forEach(header -> cookies.addAll(List.of(header.split(";\\s*"))));
            } else {
                headers.put(lowerCase, String.join(",", values));
            }
        });
        headers.putAll(edgeHeaders);
        String rawQuery = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
        String host = headers.getOrDefault("host", "localhost");
        Instant now = Instant.now();
        boolean text = TEXT_MEDIA_TYPE.matcher(mediaType(headers.get("content-type"))).matches();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(match.route().routeKey())
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(rawQuery))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body.length == 0 ? null : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !text)
                .withRequestContext(RequestContext.builder()
                        .withAccountId("000000000000")
                        .withApiId("local")
                        .withDomainName(host)
                        .withDomainPrefix(host.split("[.:]", 2)[0])
                        .withRequestId(requestId)
                        .withRouteKey(match.route().routeKey())
                        .withStage("$default")
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toEpochMilli())
                        .withHttp(RequestContext.Http.builder()
                                .withMethod(exchange.getRequestMethod())
                                .withPath(rawPath)
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .withUserAgent(headers.get("user-agent"))
                                .build())
                        .withAuthorizer(claims.isEmpty() ? null : RequestContext.Authorizer.builder()
                                .withJwt(RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                                .build())
                        .build())
                .build();
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim();
    }

    /** Decoded, with repeated names joined by commas as API Gateway joins them; {@code null} when there are none. */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters.isEmpty() ? null : parameters;
    }
}
