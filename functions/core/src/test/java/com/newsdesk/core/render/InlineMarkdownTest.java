package com.newsdesk.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
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

    /** Anything at all, and words wrapped in delimiters and punctuation, most of them paired as in real text. */
    private static final List<String> PIECES = List.of("word", "Ab9", " ", " ", "*", "**", "***", "[[1]]", "[[cfr]]",
            "[[unknown]]", "[[", "]]", "[", "]", "(x)", "\"", "'", ".", ",", ":", "-", "(", ")", "–", "é", "“", "_", "`",
            "!", "\t", "\u00a0", "<", "&", "\\", "\n", "#");
    private static final List<String> DELIMITERS = List.of("", "", "", "*", "*", "**", "**", "***");
    private static final List<String> MARKS = List.of("", "", "", "", ".", ",", "\"", "(", ")", "–", "[[1]]", "[[unknown]]");

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String word(Random random) {
        String open = pick(random, DELIMITERS);
        String close = random.nextInt(4) == 0 ? pick(random, DELIMITERS) : open;
        String inner = random.nextInt(4) == 0 ? word(random) + " " + word(random) : pick(random, List.of("word", "Ab9", "é", "x"));
        return pick(random, MARKS) + open + pick(random, MARKS) + inner + pick(random, MARKS) + close + pick(random, MARKS);
    }

    @Test
    void textRenderedWithoutTheParser_isWhatTheParserMakesOfIt() {
        Random random = new Random(20251127);
        int rendered = 0;
        int emphasised = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int count = 1 + random.nextInt(n % 2 == 0 ? 3 : 12); count > 0; count--) {
                boolean more = count > 1;
                text.append(n % 2 == 0 ? word(random) + (more && random.nextInt(8) > 0 ? " " : "") : pick(random, PIECES));
            }
            String simple = InlineMarkdown.SimpleInline.toHtml(text.toString(), refs);
            if (simple != null) {
                rendered++;
                emphasised += simple.contains("<em>") || simple.contains("<strong>") ? 1 : 0;
                assertThat(simple).as("rendering of %s", text).isEqualTo(markdown.parsed(text.toString(), refs));
            }
        }
        // the comparison means something only if the shortcut takes a fair share of the texts, emphasis included
        assertThat(rendered).isGreaterThan(5_000);
        assertThat(emphasised).isGreaterThan(1_000);
    }

    @Test
    void articleText_rendersWithoutTheParser() {
        assertThat(InlineMarkdown.SimpleInline.toHtml("**SEOUL** – Talks *resumed* on \"Monday\" [[1]].", refs))
                .isEqualTo("<strong>SEOUL</strong> – Talks <em>resumed</em> on &quot;Monday&quot; "
                        + "<sup class=\"citation\"><a href=\"#ref-1\">[1]</a></sup>.");
    }
}
