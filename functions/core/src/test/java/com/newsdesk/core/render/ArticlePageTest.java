package com.newsdesk.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.Samples;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.share.ShareBar;
import com.newsdesk.core.site.SiteSettings;
import com.newsdesk.core.render.ShownComments;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The article page shows every element of the seed page, in semantic HTML. */
class ArticlePageTest {
    private static final SiteSettings SITE = new SiteSettings("The Daily Brief", "https://news.example", "en", ZoneId.of("UTC"), "");
    private static final Instant PUBLISHED = Instant.parse("2025-08-20T09:30:00Z");

    private final ArticleJson json = new ArticleJson();
    private final SiteAssets assets = new SiteAssets();
    private final ArticleViews views = new ArticleViews(SITE, new InlineMarkdown(), new StructuredData(SITE), assets);
    private final PageRenderer renderer = new PageRenderer();

    private String render(String sample, Instant modified, boolean preview) {
        Article article = json.readRequest(Samples.article(sample));
        String url = SITE.absolute(ArticlePaths.articlePath(article.section().slug(), sample));
        return renderer.article(views.build(Slug.of(sample), article, new ArticleViews.Context(PUBLISHED, modified, List.of(),
                ShownComments.NONE, ShareBar.direct().links(Slug.of(sample), url, article.title()), preview)));
    }

    private String render(String articleJson) {
        Article article = json.readRequest(articleJson.getBytes(StandardCharsets.UTF_8));
        return renderer.article(views.build(Slug.of("t"), article,
                new ArticleViews.Context(PUBLISHED, null, List.of(), ShownComments.NONE, List.of(), false)));
    }

    @Test
    void seedPage_showsEveryElementOfTheOriginal() {
        String page = render("ukraine-peace-talks", null, false);

        assertThat(page)
                .contains("<html lang=\"en\" dir=\"ltr\">")
                .contains("<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\">", "<a href=\"/\">Home</a>", "<a href=\"/news/\">News</a>",
                        "<span aria-current=\"page\">Ukraine Security Guarantees: US, NATO, and Putin-Zelenskyy Summit Talks</span>")
                .contains("<h1 class=\"article__headline\">Ukraine Security Guarantees")
                .contains("<p class=\"article__dek\">Ukraine Peace Talks: U.S. and NATO Pursue")
                .contains("<span class=\"byline__author\">Emma Walker</span><span class=\"byline__role\">, News Editor</span>")
                .contains("<time datetime=\"2025-08-20T09:30:00Z\">August 20, 2025")
                .contains("<span class=\"dateline\">LONDON</span> – Diplomatic efforts")
                .contains("<h2 id=\"h-u-s-security-commitments-and-nato-coordination\">U.S. Security Commitments and NATO Coordination</h2>")
                .contains("<p class=\"callout__title\">Did You Know?</p>", "<p class=\"callout__title\">Pro Tip</p>")
                .contains("<caption>Key Developments and Timeline</caption>",
                        "<td><time datetime=\"2025-08-18\">August 18, 2025</time></td>")
                .contains("<blockquote><p>A durable peace will require", "— Council on Foreign Relations",
                        "<a href=\"#ref-1\">[1]</a>")
                .contains("<h2>Evergreen Context: The Russia-Ukraine Conflict</h2>")
                .contains("<summary>What are the main obstacles to peace in Ukraine?</summary>")
                .contains("<li id=\"ref-1\"><a href=\"https://www.cfr.org/global-conflict-tracker/conflict/conflict-ukraine\" rel=\"noopener\">")
                .contains("<a href=\"/tags/ukraine/\">Ukraine</a>")
                .contains("Share this article", "https://x.com/intent/post?url=https%3A%2F%2Fnews.example%2Fnews%2Fukraine-peace-talks%2F")
                .contains("action=\"/api/newsletter\"")
                .contains("Leave a Comment", "action=\"/api/articles/ukraine-peace-talks/comments\"", "Your email address is never shown")
                .contains("<link rel=\"canonical\" href=\"https://news.example/news/ukraine-peace-talks/\">")
                .contains("<link rel=\"stylesheet\" href=\"" + assets.stylesheetPath() + "\">")
                .contains("\"@type\":\"NewsArticle\"", "\"@type\":\"FAQPage\"", "\"@type\":\"BreadcrumbList\"")
                .doesNotContain("noindex")
                .doesNotContain("Updated");
    }

    @Test
    void articleWithAnImage_givesSocialCardsTheImageItsTextAlternativeAndSize_andEveryPageLinksTheIcons() {
        String page = render("night-buses-return", null, false);

        assertThat(page)
                .contains("<meta property=\"og:image\" content=\"https://images.example.org/night-bus.jpg\">\n"
                        + "<meta property=\"og:image:alt\" content=\"A double-decker bus at a stop after dark\">\n"
                        + "<meta property=\"og:image:width\" content=\"1600\">\n"
                        + "<meta property=\"og:image:height\" content=\"900\">\n"
                        + "<meta name=\"twitter:card\" content=\"summary_large_image\">\n"
                        + "<meta name=\"twitter:image\" content=\"https://images.example.org/night-bus.jpg\">\n"
                        + "<meta name=\"twitter:image:alt\" content=\"A double-decker bus at a stop after dark\">")
                .contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">",
                        "<link rel=\"icon\" href=\"/icon.svg\" type=\"image/svg+xml\">",
                        "<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">");
    }

    @Test
    void imageWithoutSize_isSharedWithoutOne() {
        String page = render("""
                {"title": "Tram depot opens", "dek": "The new depot holds forty trams.", "section": {"slug": "city", "name": "City"},
                 "authors": [{"name": "Ana Ruiz"}], "language": "en",
                 "image": {"src": "https://news.example/media/0123456789abcdef0123-1200x630.jpg", "alt": "The depot's doors"},
                 "body": [{"type": "paragraph", "text": "The depot opened."}]}""");

        assertThat(page)
                .contains("<meta property=\"og:image\" content=\"https://news.example/media/0123456789abcdef0123-1200x630.jpg\">")
                .contains("<meta name=\"twitter:image:alt\" content=\"The depot&#39;s doors\">")
                .doesNotContain("og:image:width");
    }

    @Test
    void everyBlockKind_rendersSemantically() {
        String page = render("night-buses-return", Instant.parse("2025-11-28T10:00:00Z"), false);

        assertThat(page)
                .contains("<html lang=\"en-GB\" dir=\"ltr\">")
                .contains("<span class=\"byline__author\">Priya Sharma</span><span class=\"byline__role\">, Transport Correspondent</span> and <span class=\"byline__author\">Jonas Berg</span>")
                .contains("<figure class=\"figure figure--lead\">", "alt=\"A double-decker bus at a stop after dark\" width=\"1600\" height=\"900\"",
                        "<figcaption>The N43 at Piccadilly Gardens on its <em>first</em> night back. <span class=\"figure__credit\">Photo: City Transit</span>")
                .contains("<ul><li>Routes N43, N50 and N86 run every <strong>30 minutes</strong></li>")
                .contains("<a href=\"https://transit.example.org/night\">timetable</a>")
                .contains("<div class=\"callout callout--correction\" role=\"note\">", "<p class=\"callout__title\">Correction</p>")
                .contains("<caption>Routes and frequencies</caption>", "<th scope=\"col\">Route</th>", "<td>Salford Quays</td>")
                .contains("<h3 id=\"h-funding\">Funding</h3>", "<code>transport levy</code>")
                .contains("<time datetime=\"2022\">2022</time>", "<time datetime=\"2024-03\">March 2024</time>",
                        "<time datetime=\"2025-11-28\">28 November 2025</time>")
                .contains("alt=\"Map of the six night routes\"", "loading=\"lazy\"")
                .contains("<p class=\"callout__title\">Travel advice</p>", "callout--warning", "callout--note")
                .contains("<section class=\"context-box context-box--background\">")
                .contains("<summary>Do I need a different ticket?</summary>")
                .contains("<sup class=\"citation\"><a href=\"#ref-pilot\">[1]</a></sup>")
                .contains("<li id=\"ref-minutes\">Transport committee minutes, October</li>")
                .contains("Updated <time datetime=\"2025-11-28T10:00:00Z\">");
    }

    @Test
    void hostileText_isShownAsText_everywhere() {
        String page = render("{\"title\":\"<script>alert(1)</script> & \\\"quotes\\\"\",\"dek\":\"{{ page.slug }} {% raw %}\","
                + "\"section\":{\"slug\":\"news\",\"name\":\"<b>News</b>\"},\"authors\":[{\"name\":\"<img src=x onerror=alert(1)>\"}],"
                + "\"tags\":[\"</script><script>alert(2)</script>\"],"
                + "\"body\":[{\"type\":\"paragraph\",\"text\":\"<iframe src=//evil></iframe>\"}]}");

        assertThat(page)
                .doesNotContain("<script>alert", "<img src=x", "<iframe", "<b>News</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;")
                .contains("{{ page.slug }} {% raw %}");
        String jsonLd = page.substring(page.indexOf("application/ld+json"), page.indexOf("</script>", page.indexOf("application/ld+json")));
        assertThat(jsonLd).doesNotContain("<").contains("\\u003C/script\\u003E");
    }

    @Test
    void rightToLeftArticles_declareTheirDirection() {
        String page = render("{\"title\":\"مرحبا\",\"language\":\"ar\",\"section\":{\"slug\":\"world\",\"name\":\"العالم\"},"
                + "\"authors\":[{\"name\":\"ليلى\"}],\"body\":[{\"type\":\"paragraph\",\"text\":\"نص\"}]}");

        assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\">");
    }

    @Test
    void closedComments_hideTheForm() {
        String page = render("{\"title\":\"T\",\"section\":{\"slug\":\"news\",\"name\":\"News\"},\"authors\":[{\"name\":\"A\"}],"
                + "\"body\":[{\"type\":\"paragraph\",\"text\":\"x\"}],\"commentsEnabled\":false}");

        assertThat(page).contains("Comments are closed").doesNotContain("<form class=\"comment-form\"");
    }

    @Test
    void preview_isNotIndexed() {
        assertThat(render("ukraine-peace-talks", null, true)).contains("<meta name=\"robots\" content=\"noindex, nofollow\">");
    }
}
