package com.newsdesk.articles;

import static com.newsdesk.articles.EditorApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Author profiles: editors keep them, articles name them by slug, and bylines lead to the authors' pages. */
class AuthorsTest {
    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");
    private final EditorApi api = new EditorApi();
    private final byte[] template = Samples.article("night-buses-return");

    private HttpResponse putAuthor(String slug, Object body) {
        return api.send(request("PUT", "/api/authors/{slug}", slug).json(body));
    }

    private static Map<String, Object> priya(String name) {
        return Map.of("name", name, "role", "Transport correspondent",
                "bio", "Priya has covered the city's buses, trams & roads since 2019.",
                "image", Map.of("src", "https://news.example/staff/priya.jpg", "alt", "Priya Sharma at a tram depot"),
                "links", List.of("https://social.example/@priya"));
    }

    /** The sample story with its title and its authors replaced. */
    private byte[] story(String title, JsonNode... authors) throws Exception {
        ObjectNode node = (ObjectNode) EditorApi.JSON.readTree(template);
        node.put("title", title);
        node.remove("related");
        ArrayNode list = node.putArray("authors");
        for (JsonNode author : authors) {
            list.add(author);
        }
        return EditorApi.JSON.writeValueAsBytes(node);
    }

    private static JsonNode bySlug(String slug) {
        return EditorApi.JSON.createObjectNode().put("slug", slug).put("role", "Transport correspondent");
    }

    private static JsonNode byName(String name) {
        return EditorApi.JSON.createObjectNode().put("name", name);
    }

    private void publish(String slug, byte[] body) {
        assertThat(api.put(slug, body, null).status()).isEqualTo(201);
        assertThat(api.post(slug, "publish").status()).isEqualTo(200);
    }

    private String object(String key) {
        return api.servers.s3().getObjectAsBytes(b -> b.bucket(api.bucket).key(key)).asUtf8String();
    }

    private static JsonNode jsonLd(String page) throws Exception {
        int start = page.indexOf('>', page.indexOf("application/ld+json")) + 1;
        return EditorApi.JSON.readTree(page.substring(start, page.indexOf("</script>", start)));
    }

    private static List<String> locs(String xml) {
        List<String> locs = new ArrayList<>();
        Matcher loc = LOC.matcher(xml);
        while (loc.find()) {
            locs.add(loc.group(1));
        }
        return locs;
    }

    @Test
    void anEditor_createsAndReplacesAProfile_writersReadThem_butAWritersPut_gets403() {
        HttpResponse created = putAuthor("priya-sharma", priya("Priya Sharma"));
        HttpResponse replaced = putAuthor("priya-sharma", Map.of("name", "Priya Sharma-Berg"));
        HttpResponse writersPut = api.send(request("PUT", "/api/authors/{slug}", "priya-sharma").json(priya("Mallory")).writer());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("url").asText()).isEqualTo("https://news.example/authors/priya-sharma/");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("version").asInt()).isEqualTo(2);
        assertThat(replaced.json().has("bio")).as("a replaced profile keeps nothing of the old one").isFalse();
        assertThat(writersPut.status()).isEqualTo(403);
        assertThat(writersPut.json().get("detail").asText()).contains("editors group");
        JsonNode read = api.send(request("GET", "/api/authors/{slug}", "priya-sharma").writer()).json();
        assertThat(read.get("name").asText()).isEqualTo("Priya Sharma-Berg");
        assertThat(api.send(request("GET", "/api/authors", null).writer()).json().get("items"))
                .extracting(item -> item.get("slug").asText()).containsExactly("priya-sharma");
        assertThat(api.send(request("GET", "/api/authors/{slug}", "nobody").writer()).status()).isEqualTo(404);
    }

    @Test
    void aProfileWithBadFields_gets422NamingEachOne_andNothingIsStored() {
        HttpResponse refused = putAuthor("priya-sharma", Map.of(
                "role", "x".repeat(121),
                "bio", "x".repeat(601),
                "image", Map.of("src", "http://news.example/priya.jpg"),
                "links", List.of("javascript:alert(document.cookie)", "https://ok.example/", "/relative"),
                "admin", true));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors")).extracting(error -> error.get("pointer").asText())
                .containsExactlyInAnyOrder("/admin", "/name", "/role", "/bio", "/image/src", "/image/alt", "/links/0", "/links/2");
        assertThat(putAuthor("priya-sharma", "{\"name\": ").status()).isEqualTo(400);
        assertThat(api.send(request("PUT", "/api/authors/{slug}", "Not A Slug").json(priya("Priya"))).status()).isEqualTo(400);
        assertThat(api.send(request("GET", "/api/authors/{slug}", "priya-sharma")).status()).isEqualTo(404);
    }

    @Test
    void anArticleNamingAnAuthorSlugWithoutProfile_gets422AtThatAuthorsSlug() throws Exception {
        putAuthor("priya-sharma", priya("Priya Sharma"));

        HttpResponse unknown = api.put("buses", story("Buses", bySlug("priya-sharma"), bySlug("no-such-author")), null);
        HttpResponse both = api.put("buses", story("Buses",
                EditorApi.JSON.createObjectNode().put("name", "Priya").put("slug", "priya-sharma")), null);

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors")).extracting(error -> error.get("pointer").asText()).containsExactly("/authors/1/slug");
        assertThat(both.status()).as("an author is named by name or by slug, not both").isEqualTo(422);
        assertThat(api.get("buses").status()).isEqualTo(404);
    }

    @Test
    void bylines_leadToAuthorPages_whichListTheirStoriesNewestFirst_withAFeed_andJsonLd() throws Exception {
        putAuthor("priya-sharma", priya("Priya Sharma"));
        publish("buses-return", story("Night buses return", bySlug("priya-sharma"), byName("Jonas Berg")));
        publish("tram-fares", story("Tram fares frozen", bySlug("priya-sharma")));
        publish("council-budget", story("Council budget passed", byName("Jonas Berg")));

        String page = object("city/buses-return/index.html");
        assertThat(page).contains("<a href=\"/authors/priya-sharma/\" rel=\"author\">Priya Sharma</a>",
                "<span class=\"byline__author\">Jonas Berg</span>");
        JsonNode authors = jsonLd(page).get("@graph").get(0).get("author");
        assertThat(authors.get(0).get("@type").asText()).isEqualTo("Person");
        assertThat(authors.get(0).get("url").asText()).isEqualTo("https://news.example/authors/priya-sharma/");
        assertThat(authors.get(1).has("url")).isFalse();

        String authorPage = object("authors/priya-sharma/index.html");
        assertThat(authorPage).contains("<h1 class=\"index__heading\">Priya Sharma</h1>", "Transport correspondent",
                "buses, trams &amp; roads", "<a href=\"https://social.example/@priya\" rel=\"me noopener\">social.example</a>",
                "src=\"https://news.example/staff/priya.jpg\" alt=\"Priya Sharma at a tram depot\"",
                "href=\"/authors/priya-sharma/feed.xml\"")
                .doesNotContain("Council budget passed");
        assertThat(authorPage.indexOf("Tram fares frozen")).isLessThan(authorPage.indexOf("Night buses return"));
        JsonNode profilePage = jsonLd(authorPage);
        assertThat(profilePage.get("@type").asText()).isEqualTo("ProfilePage");
        assertThat(profilePage.get("mainEntity").get("url").asText()).isEqualTo("https://news.example/authors/priya-sharma/");
        assertThat(object("authors/priya-sharma/feed.xml")).contains("<title>Tram fares frozen</title>", "<title>Night buses return</title>")
                .doesNotContain("Council budget passed");

        api.post("tram-fares", "unpublish");
        assertThat(object("authors/priya-sharma/index.html")).doesNotContain("Tram fares frozen").contains("Night buses return");
    }

    @Test
    void anAuthorWithMoreThanAPage_hasArchivePages_likeASection() throws Exception {
        putAuthor("priya-sharma", priya("Priya Sharma"));
        for (int i = 1; i <= 21; i++) {
            publish("story-" + i, story("Story number " + i, bySlug("priya-sharma")));
        }

        String front = object("authors/priya-sharma/index.html");
        assertThat(front).contains("Story number 21", "Story number 2<", "href=\"/authors/priya-sharma/page/1/\"")
                .doesNotContain("Story number 1<");
        assertThat(object("authors/priya-sharma/page/1/index.html")).contains("Story number 1<", "Priya Sharma: archive page 1");
    }

    @Test
    void aProfileChange_rendersTheAuthorsStoryPagesListsAndPageAgain() throws Exception {
        putAuthor("priya-sharma", priya("Priya Sharma"));
        publish("buses-return", story("Night buses return", bySlug("priya-sharma")));

        putAuthor("priya-sharma", Map.of("name", "Priya Sharma-Berg", "bio", "<script>alert(1)</script> now on the data desk"));

        assertThat(object("city/buses-return/index.html")).contains(">Priya Sharma-Berg</a>");
        assertThat(object("index.html")).contains("By Priya Sharma-Berg");
        assertThat(object("authors/priya-sharma/index.html"))
                .contains("<h1 class=\"index__heading\">Priya Sharma-Berg</h1>", "&lt;script&gt;alert(1)&lt;/script&gt; now on the data desk")
                .doesNotContain("<script>alert(1)", "social.example");
        assertThat(jsonLd(object("authors/priya-sharma/index.html")).get("mainEntity").get("description").asText())
                .startsWith("<script>alert(1)</script>");
    }

    @Test
    void theSitemapIndex_namesTheAuthorSitemap_whichListsEveryAuthorPage() throws Exception {
        publish("council-budget", story("Council budget passed", byName("Jonas Berg")));
        assertThat(locs(object("sitemap.xml"))).doesNotContain("https://news.example/sitemaps/authors.xml");

        putAuthor("priya-sharma", priya("Priya Sharma"));
        putAuthor("jonas-berg", Map.of("name", "Jonas Berg"));

        assertThat(locs(object("sitemap.xml"))).contains("https://news.example/sitemaps/articles-1.xml",
                "https://news.example/sitemaps/authors.xml");
        assertThat(locs(object("sitemaps/authors.xml"))).containsExactlyInAnyOrder(
                "https://news.example/authors/priya-sharma/", "https://news.example/authors/jonas-berg/");
        assertThat(object("authors/jonas-berg/index.html")).contains("Jonas Berg", "No stories here yet.");
    }
}
