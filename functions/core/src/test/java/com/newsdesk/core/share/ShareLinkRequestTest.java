package com.newsdesk.core.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.failure.MalformedJson;
import com.newsdesk.core.failure.Violation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShareLinkRequestTest {
    private final ObjectMapper mapper = new ArticleJson().mapper();

    private ShareLinkRequest parse(String body) {
        return ShareLinkRequest.parse(body.getBytes(StandardCharsets.UTF_8), mapper);
    }

    @Test
    void aKnownChannel_parses() {
        assertThat(parse("{\"channel\": \"whatsapp\"}").channel()).isEqualTo(ShareChannel.WHATSAPP);
    }

    @Test
    void unknownChannelAndUnknownFields_areAllReported() {
        assertThatThrownBy(() -> parse("{\"channel\": \"X\", \"url\": \"https://evil.example\", \"a/b\": 1}"))
                .isInstanceOfSatisfying(InvalidShareRequest.class, e -> assertThat(e.violations()).containsExactlyInAnyOrder(
                        new Violation("/channel", "must be one of x, facebook, linkedin, whatsapp, email, copy"),
                        new Violation("/url", "is not a known field"),
                        new Violation("/a~1b", "is not a known field")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"channel\": null}", "{\"channel\": 1}", "{\"channel\": [\"x\"]}", "[\"x\"]", "\"x\""})
    void aMissingOrMistypedChannel_is422(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidShareRequest.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"channel\": \"x\"} {}", "{\"channel\": \"x\", \"channel\": \"x\"}", "channel=x"})
    void malformedJson_is400_withoutEchoingIt(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(MalformedJson.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("com.fasterxml", "Unexpected"));
    }
}
