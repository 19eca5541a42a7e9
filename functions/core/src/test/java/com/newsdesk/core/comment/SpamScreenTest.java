package com.newsdesk.core.comment;

import static com.newsdesk.core.comment.FormTokens.Check.ABSENT;
import static com.newsdesk.core.comment.FormTokens.Check.FRESH;
import static com.newsdesk.core.comment.FormTokens.Check.TOO_FAST;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.comment.SpamScreen.Screening;
import com.newsdesk.core.comment.SpamScreen.Signals;
import org.junit.jupiter.api.Test;

class SpamScreenTest {

    private static Screening screen(boolean honeypot, boolean words, FormTokens.Check token, int links, boolean copied, boolean known) {
        return SpamScreen.screen(new Signals(honeypot, words, token, links, copied, known));
    }

    @Test
    void knownCommenter_withNothingDoubtful_isApproved() {
        assertThat(screen(false, false, FRESH, 2, false, true))
                .isEqualTo(new Screening(CommentStatus.APPROVED, java.util.List.of("known-commenter")));
    }

    @Test
    void newCommenter_waitsForAnEditor() {
        assertThat(screen(false, false, FRESH, 0, false, false).status()).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void anythingDoubtful_holdsEvenAKnownCommenter_withEveryReasonListed() {
        Screening held = screen(false, false, TOO_FAST, 3, true, true);

        assertThat(held.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(held.reasons()).containsExactly("posted-too-fast", "too-many-links", "duplicate-body");
        assertThat(screen(false, false, ABSENT, 0, false, true).reasons()).containsExactly("no-form-token");
    }

    @Test
    void honeypotOrSpamWords_areSpam_whoeverWrote() {
        assertThat(screen(true, false, FRESH, 0, false, true)).isEqualTo(new Screening(CommentStatus.SPAM, java.util.List.of("honeypot")));
        assertThat(screen(true, true, FRESH, 0, false, false).reasons()).containsExactly("honeypot", "spam-words");
    }
}
