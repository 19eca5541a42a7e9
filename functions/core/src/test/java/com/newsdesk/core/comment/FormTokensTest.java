package com.newsdesk.core.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsdesk.core.article.Slug;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FormTokensTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant ISSUED = Instant.parse("2025-11-20T10:00:00Z");
    private static final Slug SLUG = Slug.of("night-buses-return");

    private static String issued() {
        return new FormTokens(SECRET, Clock.fixed(ISSUED, ZoneOffset.UTC)).issue(SLUG);
    }

    private static FormTokens after(Duration elapsed) {
        return new FormTokens(SECRET, Clock.fixed(ISSUED.plus(elapsed), ZoneOffset.UTC));
    }

    @Test
    void tokenSentAfterAMinute_isFresh_andNoTokenIsAbsent() {
        assertThat(after(Duration.ofMinutes(1)).check(SLUG, issued())).isEqualTo(FormTokens.Check.FRESH);
        assertThat(after(Duration.ofHours(24)).check(SLUG, issued())).isEqualTo(FormTokens.Check.FRESH);
        assertThat(after(Duration.ZERO).check(SLUG, null)).isEqualTo(FormTokens.Check.ABSENT);
    }

    @Test
    void tokenSentWithinThreeSeconds_isTooFast() {
        assertThat(after(Duration.ofMillis(2_999)).check(SLUG, issued())).isEqualTo(FormTokens.Check.TOO_FAST);
        assertThat(after(Duration.ofSeconds(3)).check(SLUG, issued())).isEqualTo(FormTokens.Check.FRESH);
    }

    @Test
    void tokenOlderThanADay_isRefusedAsExpired() {
        assertThatThrownBy(() -> after(Duration.ofHours(24).plusMillis(1)).check(SLUG, issued()))
                .isInstanceOf(FormTokenRejected.class).hasMessageContaining("more than 24 hours ago");
    }

    @Test
    void forgedTokens_areRefused() {
        String token = issued();
        String[] parts = token.split("\\.");
        FormTokens later = after(Duration.ofMinutes(1));
        for (String forged : new String[] {"", "v1", "v1..", "v2." + parts[1] + "." + parts[2], parts[0] + "." + (Long.parseLong(parts[1]) - 1) + "." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2].substring(1), parts[0] + ".-5." + parts[2], token + ".x",
                new FormTokens("another-secret-of-32-characters!", Clock.fixed(ISSUED, ZoneOffset.UTC)).issue(SLUG)}) {
            assertThatThrownBy(() -> later.check(SLUG, forged)).as(forged)
                    .isInstanceOf(FormTokenRejected.class).hasMessageContaining("not valid for this article");
        }
        assertThatThrownBy(() -> later.check(Slug.of("another-story"), token)).isInstanceOf(FormTokenRejected.class);
    }

    @Test
    void tokenFromTheFuture_isRefused() {
        assertThatThrownBy(() -> after(Duration.ofSeconds(-60)).check(SLUG, issued())).isInstanceOf(FormTokenRejected.class);
    }

    @Test
    void aShortSecret_isRefusedAtStart() {
        assertThatThrownBy(() -> new FormTokens("dev", Clock.systemUTC())).isInstanceOf(IllegalStateException.class)
                .hasMessage("FORM_TOKEN_SECRET must be at least 32 characters");
    }
}
