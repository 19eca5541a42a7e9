package com.newsdesk.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** One HTTP API request (payload format 2.0), with the checks every route shares. */
public final class ApiRequest {
    /** The contract's limit on request bodies. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    /** An IPv4 or IPv6 literal, nothing else: a header's value is never resolved or logged as anything more. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final APIGatewayV2HTTPEvent event;
    private final byte[] originVerifySecret;

    /** A request that reached the API directly: the reader's address is the connection's. */
    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this(event, "");
    }

    /**
     * @param originVerifySecret what the CDN sends as {@code x-origin-verify} (setting {@code ORIGIN_VERIFY_SECRET});
     *                           empty when no CDN is trusted
     */
    public ApiRequest(APIGatewayV2HTTPEvent event, String originVerifySecret) {
        this.event = event;
        this.originVerifySecret = originVerifySecret.getBytes(StandardCharsets.UTF_8);
    }

    /** e.g. {@code PUT /api/articles/{slug}}. */
    public String routeKey() {
        String key = event.getRouteKey();
        return key == null ? "" : key;
    }

    public String requestId() {
        return event.getRequestContext() == null ? "" : String.valueOf(event.getRequestContext().getRequestId());
    }

    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        return parameters == null ? null : parameters.get(name);
    }

    public Optional<String> query(String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        return Optional.ofNullable(parameters == null ? null : parameters.get(name));
    }

    /** Header by case-insensitive name; API Gateway lower-cases them, other callers may not. */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return Optional.ofNullable(header.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * The reader's address. Behind the CDN the connection is CloudFront's, so the address is its
     * {@code cloudfront-viewer-address} ({@code ip:port}) - but only when {@code x-origin-verify} proves the request
     * came through our distribution: anyone can send that header straight to the API to pick a fresh rate limit.
     */
    public String sourceIp() {
        if (cameThroughCdn()) {
            Optional<String> viewer = header("cloudfront-viewer-address").flatMap(ApiRequest::viewerIp);
            if (viewer.isPresent()) {
                return viewer.get();
            }
        }
        return connectionIp();
    }

    /** Whether {@code x-origin-verify} carries the secret only our distribution sends; never when none is set. */
    public boolean cameThroughCdn() {
        Optional<String> proof = header("x-origin-verify");
        return originVerifySecret.length > 0 && proof.isPresent()
                && MessageDigest.isEqual(proof.get().getBytes(StandardCharsets.UTF_8), originVerifySecret);
    }

    /** {@code 198.51.100.7:443}, {@code 2001:db8::1:443} or {@code [2001:db8::1]:443}: the part before the port. */
    private static Optional<String> viewerIp(String address) {
        int port = address.lastIndexOf(':');
        if (port <= 0) {
            return Optional.empty();
        }
        String ip = address.substring(0, port);
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        return IP_LITERAL.matcher(ip).matches() ? Optional.of(ip) : Optional.empty();
    }

    private String connectionIp() {
        if (event.getRequestContext() == null || event.getRequestContext().getHttp() == null) {
            return "";
        }
        String ip = event.getRequestContext().getHttp().getSourceIp();
        return ip == null ? "" : ip;
    }

    /** JWT claims the HTTP API authorizer verified; empty on routes without an authorizer. */
    public Map<String, String> verifiedClaims() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Map.of();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        return claims == null ? Map.of() : claims;
    }

    /** The raw body, decoded from base64 where API Gateway encoded it, refused past the size limit. */
    public byte[] body() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        // A base64 body is 4/3 of its bytes: refuse before decoding anything oversized.
        long approximateBytes = event.getIsBase64Encoded() ? body.length() / 4L * 3 : body.length();
        if (approximateBytes > MAX_BODY_BYTES + 3) {
            throw new RequestRejected.TooLarge();
        }
        byte[] bytes = event.getIsBase64Encoded()
                ? decodeBase64(body)
                : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new RequestRejected.TooLarge();
        }
        return bytes;
    }

    /** The body, which must be declared {@code application/json} (UTF-8). */
    public byte[] jsonBody() {
        requireMediaType("application/json");
        return body();
    }

    /** The media type of the body without parameters, lower case; empty when none was sent. */
    public String mediaType() {
        String contentType = header("content-type").orElse("");
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    public void requireMediaType(String expected) {
        String contentType = header("content-type").orElse("").toLowerCase(Locale.ROOT);
        boolean charsetOk = !contentType.contains("charset=") || contentType.replace(" ", "").contains("charset=utf-8");
        if (!mediaType().equals(expected) || !charsetOk) {
            throw new RequestRejected.UnsupportedMediaType(expected);
        }
    }

    private static byte[] decodeBase64(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new RequestRejected.Malformed("The body is not valid base64.");
        }
    }
}
