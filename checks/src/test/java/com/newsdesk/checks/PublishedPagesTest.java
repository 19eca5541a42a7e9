package com.newsdesk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.checks.AxeInChromium.PageResult;
import com.newsdesk.checks.PublishedSite.SiteObject;
import com.newsdesk.testing.Samples;
import com.newsdesk.local.servers.Repository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every page, feed and sitemap of a site published as production publishes it, checked as readers and crawlers
 * get them: the Nu HTML Checker, axe-core in headless Chromium, XML parsers and the JSON-LD a search engine reads.
 * The site is built once; whatever the publisher writes to the bucket is checked, so new page types are covered
 * the day they land.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedPagesTest {
    private static final Path NODE_PACKAGES = Repository.root().resolve("checks");
    private static final String ARABIC = "night-buses-in-arabic";
    private static final String COMMENTED = "ukraine-peace-talks";
    private static final String TAKEN_DOWN = "night-buses-withdrawn";
    /** A profile with every field, hostile text in its bio; the night buses story names her by slug. */
    private static final String AUTHOR_PROFILE = """
            {"name": "Priya Sharma", "role": "Transport Correspondent",
             "bio": "Covers buses & trams. <script>alert('bio')</script>",
             "image": {"src": "https://news.example/staff/priya-sharma.jpg", "alt": "Priya Sharma"},
             "links": ["https://social.example/@priya", "https://news.example/staff/priya"]}""";
    private static final String WITH_PHOTOS = "night-buses-in-photos";
    /** Every page a reader's form post lands on, by the name {@link ReaderForms} gives its case, with its heading. */
    private static final Map<String, String> READER_PAGES = Map.ofEntries(
            Map.entry("comment-receipt-awaiting-moderation", "Thank you: your comment is awaiting moderation"),
            Map.entry("comment-receipt-approved", "Your comment is live"),
            Map.entry("comment-receipt-rejected", "Your comment was not published"),
            Map.entry("commenter-address-confirmed", "Your address is confirmed"),
            Map.entry("commenter-link-invalid", "This link does not work"),
            Map.entry("comment-refused-fields-to-fix", "Your comment was not posted"),
            Map.entry("comment-not-stored", "Your comment was not posted"),
            Map.entry("comment-refused-comments-closed", "Your comment was not posted"),
            Map.entry("comment-receipt-not-found", "We could not find that comment"),
            Map.entry("newsletter-check-your-inbox", "Check your inbox"),
            Map.entry("newsletter-subscribed", "You are subscribed"),
            Map.entry("newsletter-refused-address", "You are not signed up yet"),
            Map.entry("newsletter-link-invalid", "This link does not work"));

    private PublishedSite site;
    private Map<String, SiteObject> objects;

    @BeforeAll
    void publishTheSite() {
        site = PublishedSite.empty();
        String photo = site.uploadPhoto(photo(1600, 900));
        site.publish(COMMENTED, Samples.article("ukraine-peace-talks"))
                .withAuthor("priya-sharma", AUTHOR_PROFILE)
                .publish("night-buses-return", new String(Samples.article("night-buses-return"), StandardCharsets.UTF_8)
                        .replace("{ \"name\": \"Priya Sharma\",", "{ \"slug\": \"priya-sharma\",")
                        .getBytes(StandardCharsets.UTF_8))
                .publish(WITH_PHOTOS, withLibraryPhotos(photo))
                .publish(ARABIC, everyBlockInArabicWithHostileText())
                .publish(TAKEN_DOWN, Samples.article("night-buses-return"))
                .unpublish(TAKEN_DOWN)
                .withCommentThreadOn(COMMENTED)
                .withReaderPages(COMMENTED, ARABIC)
                .withPreviewOf(ARABIC);
        objects = site.objects();
    }

    /** The sample with its lead image, and an image block, showing a photo of the library. */
    private static byte[] withLibraryPhotos(String photo) {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode article = (ObjectNode) json.readTree(Samples.article("night-buses-return"));
            article.putObject("image").put("media", photo).put("alt", "A night bus leaving the depot").put("caption", "Night buses return.");
            ((ArrayNode) article.get("body")).insertObject(1).put("type", "image").putObject("image")
                    .put("media", photo).put("alt", "The depot at night").put("credit", "City Transport");
            return json.writeValueAsBytes(article);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new GradientPaint(0, 0, Color.DARK_GRAY, width, height, Color.ORANGE));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jpeg.toByteArray();
    }

    private static byte[] everyBlockInArabicWithHostileText() {
        try (InputStream in = PublishedPagesTest.class.getResourceAsStream("/every-block-in-arabic.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SiteObject> pages() {
        return objects.values().stream().filter(SiteObject::isPage).toList();
    }

    @Test
    void theCheckedSite_holdsEveryArticlePage_thePreview_anAuthorPage_andTheStylesheet() {
        assertThat(Jsoup.parse(objects.get("city/night-buses-return/index.html").text()).select(".byline__author a").attr("href"))
                .isEqualTo("/authors/priya-sharma/");
        assertThat(objects.keySet())
                .contains("news/ukraine-peace-talks/index.html", "city/night-buses-return/index.html", "authors/priya-sharma/index.html",
                        "city/" + WITH_PHOTOS + "/index.html",
                        "world/" + ARABIC + "/index.html", "api/articles/" + ARABIC + "/preview/index.html")
                .anySatisfy(key -> assertThat(key).matches("assets/site\\.[0-9a-f]{12}\\.css"));
        assertThat(objects.get("city/" + WITH_PHOTOS + "/index.html").text()).as("the page shows the library photo's variants")
                .contains("<picture><source type=\"image/webp\" srcset=\"/media/", "srcset=\"/media/", "fetchpriority=\"high\"",
                        "<meta property=\"og:image:width\" content=\"1200\">");
    }

    @Test
    void theCheckedSite_holdsTheTakenDownPage_aThreadWithReplies_the404Page_andThePagesReadersLandOnAfterAForm() {
        Document commented = Jsoup.parse(objects.get("news/" + COMMENTED + "/index.html").text());

        assertThat(objects.get("city/" + TAKEN_DOWN + "/index.html").text()).contains("This article is no longer available");
        assertThat(commented.select(".comments__list > .comment > .comments__replies > .comment")).hasSize(2);
        assertThat(objects.get("404.html").text()).contains("Page not found");
        READER_PAGES.forEach((name, heading) -> assertThat(objects.get("answers/" + name + "/index.html"))
                .as(name).isNotNull()
                .satisfies(page -> assertThat(Jsoup.parse(page.text()).select("h1").text()).as(name).isEqualTo(heading)));
        assertThat(objects.get("answers/comment-refused-fields-to-fix/index.html").text())
                .contains("<form id=\"comment-form\"", "href=\"#comment-email\"");
    }

    @Test
    void everyPageAndStylesheet_passesTheNuHtmlChecker_withoutErrors() throws Exception {
        List<NuHtmlChecker.Error> errors = new NuHtmlChecker(NODE_PACKAGES).check(objects.values());

        assertThat(errors)
                .withFailMessage("Nu HTML Checker errors:\n%s", errors.stream().map(Object::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void everyPage_hasNoAxeViolationsAtWcag22AA_inHeadlessChromium() throws Exception {
        AxeInChromium.Run run;
        try (SiteServer server = SiteServer.serving(objects)) {
            run = new AxeInChromium(NODE_PACKAGES).check(server.baseUrl(), pages().stream().map(SiteObject::path).toList());
        }

        List<PageResult> failed = run.pages().stream().filter(page -> !page.passed()).toList();
        assertThat(run.pages()).hasSize(pages().size());
        assertThat(failed)
                .withFailMessage("axe-core %s in Chromium %s found:\n%s", run.axe(), run.browser(),
                        failed.stream().map(Object::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void everyFeedAndSitemap_isWellFormed_andHasTheElementsItsFormatRequires() {
        FeedsAndSitemaps rules = new FeedsAndSitemaps("https://news.example");
        List<String> problems = new ArrayList<>();
        objects.values().stream().filter(SiteObject::isXml)
                .forEach(xml -> rules.problems(xml.body()).forEach(problem -> problems.add(xml.key() + ": " + problem)));

        assertThat(problems).withFailMessage("%s", String.join("\n", problems)).isEmpty();
    }

    @Test
    void everyPage_carriesJsonLd_withTheRequiredProperties() {
        JsonLdCheck jsonLd = new JsonLdCheck();
        List<String> problems = new ArrayList<>();
        for (SiteObject page : pages()) {
            jsonLd.problems(page.text(), site.articleAt(page.path())).forEach(problem -> problems.add(page.key() + ": " + problem));
        }

        assertThat(problems).withFailMessage("%s", String.join("\n", problems)).isEmpty();
    }

    @Test
    void hostileText_reachesReadersAsText_neverAsMarkup() {
        for (String key : List.of("world/" + ARABIC + "/index.html", "api/articles/" + ARABIC + "/preview/index.html")) {
            Document page = Jsoup.parse(objects.get(key).text());

            assertThat(page.select("h1").text()).isEqualTo("عودة الحافلات الليلية <script>alert(\"title\")</script> & \"اقتباس\" 'مفرد' 🚌");
            assertThat(page.select("html").attr("dir")).isEqualTo("rtl");
            assertThat(page.select("script")).as("scripts other than JSON-LD and the site's own files")
                    .allMatch(script -> script.attr("type").equals("application/ld+json") || script.attr("src").startsWith("/assets/"));
            assertThat(page.select("img[onerror], b, u, cite, q, dl, s")).as("markup from article text").isEmpty();
            assertThat(page.select("a[href]").eachAttr("href")).noneMatch(href -> href.toLowerCase().startsWith("javascript:"));
            assertThat(page.select(".article__body").text()).contains("<script>alert('paragraph')</script>", "<img src=x onerror=alert('img')>");
        }
    }
}
