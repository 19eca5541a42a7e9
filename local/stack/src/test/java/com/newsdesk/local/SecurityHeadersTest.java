package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.local.servers.SamTemplate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local edge adds exactly the headers the distribution's response headers policy adds. */
class SecurityHeadersTest {

    @Test
    void localHeaders_areTheTemplatesResponseHeadersPolicy() {
        JsonNode config = SamTemplate.ofRepository().json().path("Resources").path("SiteSecurityHeaders")
                .path("Properties").path("ResponseHeadersPolicyConfig");
        JsonNode security = config.path("SecurityHeadersConfig");
        JsonNode hsts = security.path("StrictTransportSecurity");

        Map<String, String> policy = new HashMap<>();
        policy.put("strict-transport-security", "max-age=" + hsts.path("AccessControlMaxAgeSec").asText()
                + (hsts.path("IncludeSubdomains").asBoolean() ? "; includeSubDomains" : "")
                + (hsts.path("Preload").asBoolean() ? "; preload" : ""));
        policy.put("content-security-policy", security.path("ContentSecurityPolicy").path("ContentSecurityPolicy").asText());
        if (security.has("ContentTypeOptions")) {
            policy.put("x-content-type-options", "nosniff");
        }
        policy.put("x-frame-options", security.path("FrameOptions").path("FrameOption").asText());
        policy.put("referrer-policy", security.path("ReferrerPolicy").path("ReferrerPolicy").asText());
        for (JsonNode custom : config.path("CustomHeadersConfig").path("Items")) {
            policy.put(custom.path("Header").asText().toLowerCase(Locale.ROOT), custom.path("Value").asText());
        }

        assertThat(SecurityHeaders.ALL).isEqualTo(policy);
    }

    @Test
    void removedHeaders_includeTheBucketsMetadata() {
        JsonNode removed = SamTemplate.ofRepository().json().path("Resources").path("SiteSecurityHeaders")
                .path("Properties").path("ResponseHeadersPolicyConfig").path("RemoveHeadersConfig").path("Items");

        assertThat(removed.findValuesAsText("Header")).contains("x-amz-meta-cache-tag");
    }
}
