package com.newsdesk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.checks.AxeInChromium.PageResult;
import com.newsdesk.checks.PublishedSite.SiteObject;
import com.newsdesk.local.servers.Repository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The browser check finds what a reader would suffer: contrast that only the stylesheet makes too low, a button
 * in the colour of its background, a stylesheet that does not load, script that runs where text was meant.
 */
class AxeInChromiumTest {

    private static SiteObject object(String key, String contentType, String body) {
        return new SiteObject(key, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String page(String title, String stylesheet, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + stylesheet + "\"></head><body><main><h1>" + title + "</h1>" + body
                + "</main></body></html>";
    }

    @Test
    void lowContrast_invisibleText_missingStylesheet_andScriptThatRuns_areAllReported() throws Exception {
        Map<String, SiteObject> site = Map.of(
                "assets/site.css", object("assets/site.css", "text/css", ".dek { color: #aaa; } .copy { color: #1a1a1a; background: #1a1a1a; }"),
                "city/index.html", object("city/index.html", "text/html; charset=utf-8",
                        page("City", "/assets/site.css", "<p>Readable</p>")),
                "city/night-buses-return/index.html", object("city/night-buses-return/index.html", "text/html; charset=utf-8",
                        page("Night buses", "/assets/site.css", "<p class=\"dek\">Faint grey standfirst</p>")),
                "news/copy/index.html", object("news/copy/index.html", "text/html; charset=utf-8",
                        page("Copy", "/assets/site.css", "<p><button class=\"copy\" type=\"button\">Copy link</button></p>")),
                "news/injected/index.html", object("news/injected/index.html", "text/html; charset=utf-8",
                        page("Injected", "/assets/gone.css", "<p>Text</p><img src=x alt=\"\" onerror=\"alert('injected')\">")));

        AxeInChromium.Run run;
        try (SiteServer server = SiteServer.serving(site)) {
            run = new AxeInChromium(Repository.root().resolve("checks"))
                    .check(server.baseUrl(), List.of("/city/", "/city/night-buses-return/", "/news/copy/", "/news/injected/"));
        }

        assertThat(run.pages()).extracting(PageResult::path).containsExactly("/city/", "/city/night-buses-return/", "/news/copy/", "/news/injected/");
        assertThat(run.pages().get(0).passed()).isTrue();
        assertThat(run.pages().get(1).violations()).singleElement().satisfies(violation -> {
            assertThat(violation.id()).isEqualTo("color-contrast");
            assertThat(violation.nodes()).singleElement().satisfies(node -> assertThat(node.html()).contains("Faint grey standfirst"));
        });
        assertThat(run.pages().get(2).needsReview()).extracting(AxeInChromium.Violation::id).containsExactly("color-contrast");
        assertThat(run.pages().get(2).passed()).isFalse();
        assertThat(run.pages().get(3).problems()).anySatisfy(problem -> assertThat(problem).endsWith("/assets/gone.css answered 404"))
                .anySatisfy(problem -> assertThat(problem).isEqualTo("a script opened a alert dialog: injected"));
    }
}
