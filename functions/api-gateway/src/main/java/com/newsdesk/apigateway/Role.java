package com.newsdesk.apigateway;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who may call a route, by the Cognito group the caller's token names. Writers save drafts and read them; editors
 * may do all that and decide what readers see (publish, take down, restore, re-render, moderate, read share stats).
 * In AWS the HTTP API's JWT authorizer has already verified the token's signature, issuer, audience and expiry;
 * it passes the claims on, and {@code cognito:groups} arrives flattened to a string such as {@code [editors writers]}.
 */
public enum Role {
    WRITER("writers"),
    EDITOR("editors");

    private static final Pattern GROUP_SEPARATOR = Pattern.compile("[\\[\\]\\s,\"]+");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    /** The Cognito group that grants the role. */
    public String group() {
        return group;
    }

    /** The caller, when one of their groups grants this role; otherwise 401 without a subject, 403 with one. */
    public Caller require(ApiRequest request) {
        Map<String, String> claims = request.verifiedClaims();
        Caller caller = Caller.of(claims).orElseThrow(RequestRejected.Unauthenticated::new);
        for (String member : GROUP_SEPARATOR.split(claims.getOrDefault("cognito:groups", ""))) {
            if (grantedBy(member)) {
                return caller;
            }
        }
        throw new RequestRejected.MissingRole(this);
    }

    /** Whether membership of {@code group} grants this role: an editor's group grants every role. */
    private boolean grantedBy(String member) {
        return member.equals(group) || member.equals(EDITOR.group);
    }
}
