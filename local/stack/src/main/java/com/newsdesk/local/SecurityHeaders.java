package com.newsdesk.local;

import java.util.Map;

/**
 * The headers the distribution's response headers policy ({@code SiteSecurityHeaders} in template.yaml) adds to
 * every response, added by the local edge the same way. TemplateTest compares this list with the policy, so a
 * header changed on one side only fails the build.
 */
final class SecurityHeaders {
    static final Map<String, String> ALL = Map.of(
            "strict-transport-security", "max-age=63072000; includeSubDomains; preload",
            "content-security-policy", "default-src 'self'; img-src 'self' https: data:; script-src 'self'; style-src 'self'; "
                    + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
            "x-content-type-options", "nosniff",
            "x-frame-options", "DENY",
            "referrer-policy", "strict-origin-when-cross-origin",
            "permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");

    private SecurityHeaders() {}
}
