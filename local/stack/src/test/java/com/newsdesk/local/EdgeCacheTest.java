package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long the local edge keeps an object, from the Cache-Control the publisher wrote on it. */
class EdgeCacheTest {

    @Test
    void articlePage_isKeptForItsSharedMaxAge_notTheBrowsersMaxAge() {
        assertThat(EdgeCache.sharedLifetime("public, max-age=60, s-maxage=31536000")).hasValue(Duration.ofDays(365));
    }

    @Test
    void objectWithOnlyMaxAge_isKeptThatLong() {
        assertThat(EdgeCache.sharedLifetime("public, max-age=300")).hasValue(Duration.ofMinutes(5));
    }

    @Test
    void noStorePrivateOrNoCachingSaid_isNotKept() {
        assertThat(EdgeCache.sharedLifetime("no-store")).isEmpty();
        assertThat(EdgeCache.sharedLifetime("private, max-age=600")).isEmpty();
        assertThat(EdgeCache.sharedLifetime(null)).isEmpty();
        assertThat(EdgeCache.sharedLifetime("max-age=soon")).isEmpty();
    }

    @Test
    void noCache_isKeptButRevalidatedEveryTime() {
        assertThat(EdgeCache.sharedLifetime("no-cache, s-maxage=600")).hasValue(Duration.ZERO);
    }
}
