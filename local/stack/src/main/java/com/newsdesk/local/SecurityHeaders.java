package com.newsdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.local.servers.SamTemplate;
import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The distribution's response headers policy ({@code SiteSecurityHeaders} in template.yaml), read from the template
 * and applied by the local edge as CloudFront applies it: the headers it adds to every answer, and the origin's
 * headers it removes.
 */
record SecurityHeaders(Map<String, String> added, List<String> removed) {

    static SecurityHeaders of(SamTemplate template) {
        JsonNode config = template.resources("AWS::CloudFront::ResponseHeadersPolicy").values().iterator().next()
                .path("Properties").path("ResponseHeadersPolicyConfig");
        JsonNode security = config.path("SecurityHeadersConfig");
        JsonNode hsts = security.path("StrictTransportSecurity");
        Map<String, String> added = new LinkedHashMap<>();
        added.put("strict-transport-security", "max-age=" + hsts.path("AccessControlMaxAgeSec").asText()
                + (hsts.path("IncludeSubdomains").asBoolean() ? "; includeSubDomains" : "")
                + (hsts.path("Preload").asBoolean() ? "; preload" : ""));
        added.put("content-security-policy", security.path("ContentSecurityPolicy").path("ContentSecurityPolicy").asText());
        if (security.has("ContentTypeOptions")) {
            added.put("x-content-type-options", "nosniff");
        }
        added.put("x-frame-options", security.path("FrameOptions").path("FrameOption").asText());
        added.put("referrer-policy", security.path("ReferrerPolicy").path("ReferrerPolicy").asText());
        for (JsonNode custom : config.path("CustomHeadersConfig").path("Items")) {
            added.put(custom.path("Header").asText().toLowerCase(Locale.ROOT), custom.path("Value").asText());
        }
        List<String> removed = new ArrayList<>();
        for (JsonNode header : config.path("RemoveHeadersConfig").path("Items")) {
            removed.add(header.path("Header").asText().toLowerCase(Locale.ROOT));
        }
        return new SecurityHeaders(Map.copyOf(added), List.copyOf(removed));
    }

    void applyTo(Headers headers) {
        added.forEach(headers::set);
        removed.forEach(headers::remove);
    }
}
