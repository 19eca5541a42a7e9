package com.newsdesk.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.site.SiteSettings;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ShareCodeTest {

    @Test
    void randomCodes_areEightUrlSafeCharacters_andDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = ShareCode.random(random).value();
            assertThat(code).matches("[A-Za-z0-9]{8}");
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void shortUrl_isTheSitesOriginAndTheCode() {
        SiteSettings site = new SiteSettings("The Daily Brief", "https://news.example/", "en", ZoneId.of("UTC"), "");

        assertThat(new ShareCode("Xk3f9Qa2").url(site)).isEqualTo("https://news.example/s/Xk3f9Qa2");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Xk3f9Qa", "Xk3f9Qa2z", "Xk3f-Qa2", "Xk3f_Qa2", "//evil.e", "%2F%2Fevi", "Xk3f9Qa ",
            "Xk3f9Qä2", "../../..", "Xk3f9Qa\n"})
    void anythingElse_isNoCode(String value) {
        assertThat(ShareCode.parse(value)).isEmpty();
    }

    @Test
    void aWellFormedCode_parses() {
        assertThat(ShareCode.parse("Xk3f9Qa2")).contains(new ShareCode("Xk3f9Qa2"));
    }
}
