package com.newsdesk.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void plainText_becomesEscapedParagraphs_withLineBreaksKept() {
        assertThat(CommentText.toHtml("One <b>&</b>\r\ntwo\n\n\nthree"))
                .isEqualTo("<p>One &lt;b&gt;&amp;&lt;/b&gt;<br>two</p><p>three</p>");
    }

    @Test
    void webAddresses_becomeLinksThatPassNoRanking_andOthersStayText() {
        assertThat(CommentText.toHtml("See https://example.net/a?b=1&c=2. Or javascript:alert(1), www.example.org"))
                .isEqualTo("<p>See <a href=\"https://example.net/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">https://example.net/a?b=1&amp;c=2</a>."
                        + " Or javascript:alert(1), www.example.org</p>");
    }

    @Test
    void linkCount_countsWhatBecomesALink() {
        assertThat(CommentText.linkCount("https://a.example, http://b.example and https://c.example/x")).isEqualTo(3);
        assertThat(CommentText.linkCount("no links, javascript:alert(1)")).isZero();
    }
}
