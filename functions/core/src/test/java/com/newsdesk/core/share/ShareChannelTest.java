package com.newsdesk.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each network's intent carries the short link encoded so that no character of it can end the parameter early. */
class ShareChannelTest {
    private static final String LINK = "https://news.example/s/Xk3f9Qa2";
    private static final String HEADLINE = "Fares & fees: 50% off? #buses “tonight”";

    @Test
    void x_postsTheLinkAndHeadline() {
        assertThat(ShareChannel.X.intent(LINK, HEADLINE)).isEqualTo("https://x.com/intent/post"
                + "?url=https%3A%2F%2Fnews.example%2Fs%2FXk3f9Qa2"
                + "&text=Fares%20%26%20fees%3A%2050%25%20off%3F%20%23buses%20%E2%80%9Ctonight%E2%80%9D");
    }

    @Test
    void facebookAndLinkedIn_takeTheLinkOnly() {
        assertThat(ShareChannel.FACEBOOK.intent(LINK, HEADLINE))
                .isEqualTo("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fs%2FXk3f9Qa2");
        assertThat(ShareChannel.LINKEDIN.intent(LINK, HEADLINE))
                .isEqualTo("https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fnews.example%2Fs%2FXk3f9Qa2");
    }

    @Test
    void whatsApp_sendsHeadlineThenLink_inOneText() {
        assertThat(ShareChannel.WHATSAPP.intent(LINK, "Night buses return"))
                .isEqualTo("https://wa.me/?text=Night%20buses%20return%20https%3A%2F%2Fnews.example%2Fs%2FXk3f9Qa2");
    }

    @Test
    void email_isAMailtoWithSubjectAndBody() {
        assertThat(ShareChannel.EMAIL.intent(LINK, "Night buses return"))
                .isEqualTo("mailto:?subject=Night%20buses%20return"
                        + "&body=Night%20buses%20return%0A%0Ahttps%3A%2F%2Fnews.example%2Fs%2FXk3f9Qa2");
    }

    @Test
    void copy_isTheShortLinkItself() {
        assertThat(ShareChannel.COPY.intent(LINK, HEADLINE)).isEqualTo(LINK);
    }

    @Test
    void wireNames_parseBack_andNothingElseDoes() {
        for (ShareChannel channel : ShareChannel.values()) {
            assertThat(ShareChannel.fromWire(channel.wireName())).isSameAs(channel);
        }
        assertThat(ShareChannel.fromWire("X")).isNull();
        assertThat(ShareChannel.fromWire(null)).isNull();
        assertThat(ShareChannel.WIRE_NAMES).isEqualTo("x, facebook, linkedin, whatsapp, email, copy");
    }
}
