package com.newsdesk.core.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommentIdTest {

    @Test
    void id_carriesItsMoment_andParsesBack() {
        CommentId id = CommentId.next(Instant.parse("2025-08-20T09:30:00.123456Z"));

        assertThat(id.value()).matches("20250820093000123-[0-9a-z]{8}");
        assertThat(CommentId.parse(id.value())).contains(id);
        assertThat(id.sortKey()).isEqualTo("COMMENT#2025-08-20T09:30:00.123Z#" + id.value());
    }

    @Test
    void sortKeys_orderByTime_evenOnWholeSeconds() {
        CommentId whole = CommentId.next(Instant.parse("2025-08-20T09:30:00Z"));
        CommentId later = CommentId.next(Instant.parse("2025-08-20T09:30:00.001Z"));

        assertThat(whole.sortKey()).isLessThan(later.sortKey());
    }

    @Test
    void anythingElse_isNoId() {
        for (String bad : new String[] {null, "", "../../etc", "20250820093000123", "20250820093000123-ABCDEFGH",
                "20251320093000123-abcdefgh", "20250820093000123-abcdefgh-x", "2025082009300012-abcdefgh"}) {
            assertThat(CommentId.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
