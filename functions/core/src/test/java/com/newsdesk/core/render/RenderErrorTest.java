package com.newsdesk.core.render;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsdesk.core.site.SiteSettings;
import java.time.ZoneId;
import java.util.AbstractList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page that cannot render says which template failed, so the fix starts in the right place: Pebble's own errors
 * name the template and line; a failure of the view's Java code names the page's template and keeps its cause.
 */
class RenderErrorTest {
    private static final SiteSettings SITE = new SiteSettings("The Daily Brief", "https://news.example", "en", ZoneId.of("UTC"), "");
    private final PageRenderer renderer = new PageRenderer();
    private final ArticleViews views = new ArticleViews(SITE, new InlineMarkdown(), new StructuredData(SITE), new SiteAssets());

    private ArticleView.PageMeta meta() {
        return new ArticleView.PageMeta("en", "ltr", "Notice", "Notice", "https://news.example/", false, "website", null, null,
                List.of(), views.siteView());
    }

    @Test
    void aMissingValue_namesTheTemplateAndLineWhereItWasMissed() {
        assertThatThrownBy(() -> renderer.readerNotice(new NoticeView(null, "Heading", List.of(), List.of(), null, null)))
                .hasMessageEndingWith("(layouts/base:2)");
    }

    @Test
    void aValueThatFailsWhileRendering_namesThePagesTemplate_andKeepsTheCause() {
        List<String> failing = new AbstractList<>() {
            @Override
            public String get(int index) {
                throw new IllegalStateException("no paragraph " + index);
            }

            @Override
            public int size() {
                return 1;
            }
        };
        assertThatThrownBy(() -> renderer.readerNotice(new NoticeView(meta(), "Heading", failing, List.of(), null, null)))
                .hasMessage("Rendering the template pages/reader-notice failed: java.lang.IllegalStateException")
                .hasRootCauseMessage("no paragraph 0");
    }

    @Test
    void aRunawayPage_failsInsteadOfFillingMemory() {
        String megabyte = "x".repeat(1024 * 1024);
        List<String> paragraphs = new AbstractList<>() {
            @Override
            public String get(int index) {
                return megabyte;
            }

            @Override
            public int size() {
                return 1_000;
            }
        };
        assertThatThrownBy(() -> renderer.readerNotice(new NoticeView(meta(), "Heading", paragraphs, List.of(), null, null)))
                .hasRootCauseMessage("A page would be longer than 8388608 characters");
    }
}
