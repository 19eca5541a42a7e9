package com.newsdesk.apigateway;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The group check of editor routes. In AWS the HTTP API's JWT authorizer has already verified the token's
 * signature, issuer, audience and expiry before the function runs; it passes the claims on, and Cognito's
 * {@code cognito:groups} arrives flattened to a string such as {@code [editors reporters]}.
 */
public final class Editors {
    public static final String GROUP = "editors";
    private static final Pattern GROUP_SEPARATOR = Pattern.compile("[\\[\\]\\s,\"]+");

    private Editors() {}

    /** Returns the editor's subject, or throws 401/403. */
    public static String require(ApiRequest request) {
        Map<String, String> claims = request.verifiedClaims();
        String subject = claims.get("sub");
        if (subject == null || subject.isBlank()) {
            throw new RequestRejected.Unauthenticated();
        }
        String groups = claims.getOrDefault("cognito:groups", "");
        for (String group : GROUP_SEPARATOR.split(groups)) {
            if (GROUP.equals(group)) {
                return subject;
            }
        }
        throw new RequestRejected.NotAnEditor();
    }
}
