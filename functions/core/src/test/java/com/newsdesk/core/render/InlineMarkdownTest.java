package com.newsdesk.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InlineMarkdownTest {
    private final InlineMarkdown markdown = new InlineMarkdown();
    private final Map<String, Integer> refs = Map.of("1", 1, "cfr", 2);

    private String html(String text) {
        return markdown.toHtml(text, refs);
    }

    @Test
    void emphasisStrongLinksAndCode() {
        assertThat(html("*a* **b** [c](https://x.example/?q=1&r=2) `d<e>`"))
                .isEqualTo("<em>a</em> <strong>b</strong> <a href=\"https://x.example/?q=1&amp;r=2\">c</a> <code>d&lt;e&gt;</code>");
    }

    @Test
    void rawHtmlIsText() {
        assertThat(html("<script>alert(1)</script> <b>x</b>"))
                .doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void unsafeLinkSchemes_areDropped() {
        assertThat(html("[x](javascript:alert(1)) [y](data:text/html,hi) [z](vbscript:x)"))
                .doesNotContain("javascript:").doesNotContain("data:").doesNotContain("vbscript:");
    }

    @Test
    void inlineImages_becomeTheirAltText() {
        assertThat(html("see ![a tracking pixel](https://evil.example/p.gif)")).isEqualTo("see a tracking pixel");
    }

    @Test
    void blockSyntax_staysInline() {
        assertThat(html("# not a heading")).isEqualTo("# not a heading");
        assertThat(html("- not a list")).isEqualTo("- not a list");
    }

    @Test
    void citations_becomeNumberedLinksToTheReference() {
        assertThat(html("As the CFR said [[cfr]]."))
                .isEqualTo("As the CFR said <sup class=\"citation\"><a href=\"#ref-cfr\">[2]</a></sup>.");
    }

    @Test
    void citationsInsideCode_stayLiteral() {
        assertThat(html("`[[1]]`")).isEqualTo("<code>[[1]]</code>");
    }

    @Test
    void plainText_isEscapedExactlyAsTheParserWould() {
        String plain = "Quotes \"here\" and 'there', 2 > 1, café";
        assertThat(markdown.toHtml(plain, Map.of())).isEqualTo("Quotes &quot;here&quot; and 'there', 2 &gt; 1, café");
        assertThat(markdown.toHtml("Simple words only", Map.of())).isEqualTo("Simple words only");
    }
}
