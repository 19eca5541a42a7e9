package com.newsdesk.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

/** The renderer's own HTML escaper must escape exactly as Pebble's built-in one, so pages keep their bytes. */
class PageRendererEscapingTest {

    @Test
    void escapeHtml_isPebblesHtmlStrategy_forMarkupQuotesAmpersandsAndEverythingElse() {
        for (String text : new String[] {"", "plain text", "<script>alert('x')</script>", "a & b && c", "\"quoted\" 'single'",
                "“curly” – dash, ünïcödé, 日本語, 🙂", "&amp; already", "tab\tnew\nline", "\u2028\u0000\u007f", "<<>>''\"\"&&"}) {
            assertThat(PageRenderer.escapeHtml(text)).as(text).isEqualTo(HtmlEscape.escapeHtml4Xml(text));
        }
    }

    @Test
    void textWithNothingToEscape_isReturnedAsIs() {
        String text = "Nothing to escape here";

        assertThat(PageRenderer.escapeHtml(text)).isSameAs(text);
    }
}
