package com.newsdesk.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.newsdesk.checks.PublishedSite.SiteObject;
import com.newsdesk.local.servers.Repository;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker reports what it finds where it found it, so a failing page check says what to fix. */
class NuHtmlCheckerTest {

    private static SiteObject object(String key, String contentType, String body) {
        return new SiteObject(key, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void errorsInAPageAndAStylesheet_areReportedAtTheirKeyAndLine_andAValidPageHasNone() throws Exception {
        List<NuHtmlChecker.Error> errors = new NuHtmlChecker(Repository.root().resolve("checks")).check(List.of(
                object("city/index.html", "text/html; charset=utf-8",
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>City</title></head>\n<body><p>Fine</p></body></html>"),
                object("city/night-buses-return/index.html", "text/html; charset=utf-8",
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Night buses</title></head>\n<body><ul><p>Not a list item</p></ul></body></html>"),
                object("assets/site.0123456789ab.css", "text/css; charset=utf-8", "body {\n  colour: red;\n}"),
                object("robots.txt", "text/plain", "<p>not checked")));

        assertThat(errors).extracting(NuHtmlChecker.Error::key, NuHtmlChecker.Error::line)
                .containsExactlyInAnyOrder(
                        tuple("city/night-buses-return/index.html", 3),
                        tuple("assets/site.0123456789ab.css", 2));
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).startsWith("error: "));
    }
}
