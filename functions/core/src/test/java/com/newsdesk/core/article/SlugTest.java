package com.newsdesk.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {
    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "A", "a--b", "-a", "a-", "", " a", "a%2Fb", "caf\u00e9", "a.b"})
    void hostileOrMalformedSlugs_areRefused(String value) {
        assertThatThrownBy(() -> Slug.of(value)).isInstanceOf(InvalidSlug.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "night-buses-return", "2025-budget"})
    void wellFormedSlugs_areAccepted(String value) {
        assertThat(Slug.of(value).value()).isEqualTo(value);
    }

    @org.junit.jupiter.api.Test
    void slugsLongerThan120_areRefused() {
        assertThat(Slug.of("a".repeat(120)).value()).hasSize(120);
        assertThatThrownBy(() -> Slug.of("a".repeat(121))).isInstanceOf(InvalidSlug.class);
    }
}
