package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.local.servers.SamTemplate;
import org.junit.jupiter.api.Test;

/** The local edge reads the distribution's response headers policy from the template. */
class SecurityHeadersTest {
    private final SecurityHeaders policy = SecurityHeaders.of(SamTemplate.ofRepository());

    @Test
    void addedHeaders_areThePolicysInTheirHttpForm() {
        assertThat(policy.added()).containsEntry("strict-transport-security", "max-age=63072000; includeSubDomains; preload")
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("x-frame-options", "DENY")
                .containsEntry("referrer-policy", "strict-origin-when-cross-origin")
                .containsKey("permissions-policy");
        assertThat(policy.added().get("content-security-policy")).contains("script-src 'self'", "frame-ancestors 'none'");
    }

    @Test
    void removedHeaders_includeTheBucketsMetadata() {
        assertThat(policy.removed()).contains("x-amz-meta-cache-tag", "x-amz-meta-content-sha256");
    }
}
