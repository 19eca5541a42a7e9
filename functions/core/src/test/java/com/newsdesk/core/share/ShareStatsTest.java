package com.newsdesk.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ShareStatsTest {

    @Test
    void totals_addUpPerChannelAndPerDay_withEveryChannelListed() {
        Map<LocalDate, Map<ShareChannel, Long>> days = new TreeMap<>(Map.of(
                LocalDate.parse("2025-11-25"), Map.of(ShareChannel.X, 1L),
                LocalDate.parse("2025-11-24"), Map.of(ShareChannel.X, 2L, ShareChannel.EMAIL, 5L)));

        ShareStats stats = ShareStats.of(days);

        assertThat(stats.total()).isEqualTo(8);
        assertThat(stats.byChannel()).containsOnlyKeys(ShareChannel.values())
                .containsEntry(ShareChannel.X, 3L).containsEntry(ShareChannel.EMAIL, 5L).containsEntry(ShareChannel.COPY, 0L);
        assertThat(stats.days()).extracting(ShareStats.Day::date)
                .containsExactly(LocalDate.parse("2025-11-24"), LocalDate.parse("2025-11-25"));
        assertThat(stats.days().get(0).total()).isEqualTo(7);
    }

    @Test
    void noClicks_isZeroEverywhere() {
        ShareStats stats = ShareStats.of(Map.of());

        assertThat(stats.total()).isZero();
        assertThat(stats.days()).isEmpty();
        assertThat(stats.byChannel().values()).containsOnly(0L);
    }
}
