package com.newsdesk.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.testing.BucketSnapshot;
import com.newsdesk.testing.Samples;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The site around the article: lists, feeds, sitemaps and related stories follow every publish and unpublish. */
class SitePagesTest {
    private final EditorApi api = new EditorApi();
    private final byte[] template = Samples.article("night-buses-return");

    private String object(String key) {
        return api.servers.s3().getObjectAsBytes(b -> b.bucket(api.bucket).key(key)).asUtf8String();
    }

    private byte[] story(String title, String section, List<String> tags) throws Exception {
        ObjectNode node = (ObjectNode) EditorApi.JSON.readTree(template);
        node.put("title", title);
        node.putObject("section").put("slug", section).put("name", section.substring(0, 1).toUpperCase() + section.substring(1));
        ArrayNode tagArray = node.putArray("tags");
        tags.forEach(tagArray::add);
        node.remove("related");
        return EditorApi.JSON.writeValueAsBytes(node);
    }

    private JsonNode publish(String slug, byte[] body) {
        assertThat(api.put(slug, body, null).status()).isEqualTo(201);
        return api.post(slug, "publish").json();
    }

    /** The keys of the objects a step wrote or changed, its render worker's writes included. */
    private Set<String> written(Runnable step) {
        Map<String, String> before = BucketSnapshot.of(api.servers.s3(), api.bucket);
        step.run();
        Map<String, String> after = BucketSnapshot.of(api.servers.s3(), api.bucket);
        Set<String> written = new TreeSet<>();
        after.forEach((key, object) -> {
            if (!object.equals(before.get(key))) {
                written.add(key);
            }
        });
        return written;
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document document, String namespace, String element) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, element);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void publishing_putsTheStoryOnHomeSectionTagFeedsAndSitemaps_newestFirst() throws Exception {
        publish("first-story", story("First story", "city", List.of("transport")));
        byte[] second = story("Second & <better> story", "city", List.of("transport", "council"));

        assertThat(written(() -> publish("second-story", second)))
                .contains("city/second-story/index.html", "index.html", "city/index.html", "tags/transport/index.html",
                        "tags/council/index.html", "feed.xml", "city/feed.xml", "sitemaps/articles-1.xml", "sitemaps/news.xml");
        String home = object("index.html");
        assertThat(home.indexOf("Second &amp; &lt;better&gt; story")).isLessThan(home.indexOf("First story"));
        assertThat(home).contains("<a href=\"/city/second-story/\">", "<link rel=\"alternate\" type=\"application/rss+xml\"");
        assertThat(object("city/index.html")).contains("First story", "Second &amp; &lt;better&gt; story");
        assertThat(object("tags/council/index.html")).contains("Second &amp;").doesNotContain("First story");

        Document feed = xml(object("feed.xml"));
        assertThat(texts(feed, "", "title")).containsExactly("The Daily Brief", "Second & <better> story", "First story");
        assertThat(texts(feed, "", "guid")).containsExactly("https://news.example/city/second-story/", "https://news.example/city/first-story/");
        assertThat(texts(xml(object("city/feed.xml")), "", "link")).contains("https://news.example/city/first-story/");

        String sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
        assertThat(texts(xml(object("sitemap.xml")), sitemaps, "loc"))
                .containsExactly("https://news.example/sitemaps/articles-1.xml", "https://news.example/sitemaps/news.xml");
        assertThat(texts(xml(object("sitemaps/articles-1.xml")), sitemaps, "loc"))
                .containsExactlyInAnyOrder("https://news.example/city/first-story/", "https://news.example/city/second-story/");
        assertThat(texts(xml(object("sitemaps/news.xml")), "http://www.google.com/schemas/sitemap-news/0.9", "title"))
                .contains("Second & <better> story");
        assertThat(object("robots.txt")).contains("Sitemap: https://news.example/sitemap.xml", "Disallow: /api/");
    }

    @Test
    void relatedStories_preferSharedTags_andFollowChangesToTheStoriesTheyShow() throws Exception {
        publish("bus-fares", story("Bus fares frozen", "city", List.of("transport", "council")));
        publish("tram-lines", story("Tram line opens", "city", List.of("transport")));
        publish("budget", story("Budget passed", "politics", List.of("council", "transport")));

        String budgetPage = object("politics/budget/index.html");
        assertThat(budgetPage).contains("You may also like", "Bus fares frozen", "Tram line opens");
        assertThat(budgetPage.indexOf("Bus fares frozen")).isLessThan(budgetPage.indexOf("Tram line opens"));

        api.put("bus-fares", story("Bus fares frozen until 2027", "city", List.of("transport", "council")), "\"1\"");
        api.post("bus-fares", "publish");
        assertThat(object("politics/budget/index.html")).contains("Bus fares frozen until 2027");

        api.post("bus-fares", "unpublish");

        assertThat(object("politics/budget/index.html")).doesNotContain("Bus fares frozen").contains("Tram line opens");
    }

    @Test
    void unpublish_removesTheStoryFromEveryListFeedAndSitemap() throws Exception {
        publish("stays", story("Story that stays", "city", List.of("transport")));
        publish("goes", story("Story that goes", "city", List.of("transport")));

        assertThat(written(() -> api.post("goes", "unpublish"))).contains("city/goes/index.html", "index.html", "feed.xml");
        assertThat(object("city/goes/index.html")).contains("This article is no longer available").doesNotContain("Story that goes");
        for (String key : List.of("index.html", "city/index.html", "tags/transport/index.html", "feed.xml", "city/feed.xml",
                "sitemaps/articles-1.xml", "sitemaps/news.xml", "page/1/index.html")) {
            assertThat(object(key)).as(key).doesNotContain("Story that goes").doesNotContain("/city/goes/");
        }
        assertThat(object("index.html")).contains("Story that stays");
    }

    @Test
    void eightEditorsPublishingAtOnce_allEightAppearEverywhere() throws Exception {
        int editors = 8;
        for (int i = 0; i < editors; i++) {
            api.put("race-" + i, story("Race story " + i, "city", List.of("race")), null);
        }
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String slug = "race-" + i;
            results.add(pool.submit(() -> {
                start.await();
                return api.post(slug, "publish").status();
            }));
        }
        start.countDown();
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(200);
        }
        pool.shutdown();

        for (String key : List.of("index.html", "city/index.html", "tags/race/index.html", "feed.xml", "city/feed.xml",
                "sitemaps/articles-1.xml", "sitemaps/news.xml")) {
            String page = object(key);
            for (int i = 0; i < editors; i++) {
                assertThat(page).as(key).contains("/city/race-" + i + "/");
            }
        }
    }

    @Test
    void publishIntoASiteOf1000Stories_writesAFewDozenObjects_andArchivePagesNeverRenumber() throws Exception {
        ListStore lists = new ListStore(api.servers.dynamoDb(), api.table);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        // a site of 1,000 stories in ten sections: the home list holds them all, a section and a tag about a tenth
        List<ListEntry> archive = new ArrayList<>();
        for (int i = 1; i <= 999; i++) {
            archive.add(new ListEntry(0, "old-" + i, "Old story " + i, null, "/city/old-" + i + "/",
                    start.plusSeconds(3600L * i), start.plusSeconds(3600L * i), "Staff", "City", List.of("transport"), "en", null, null));
        }
        lists.appendAll(ListName.home("The Daily Brief"), archive);
        lists.appendAll(ListName.section("city", "City"), archive.subList(900, 999));
        lists.appendAll(ListName.tag("transport"), archive.subList(900, 999));

        byte[] thousandth = story("The thousandth story", "city", List.of("transport"));
        Set<String> changed = written(() -> publish("the-thousandth", thousandth));

        assertThat(changed).hasSizeLessThanOrEqualTo(30)
                .contains("city/the-thousandth/index.html", "index.html", "page/50/index.html", "city/page/5/index.html",
                        "tags/transport/page/5/index.html", "feed.xml");
        assertThat(object("page/50/index.html")).contains("The thousandth story", "Old story 999", "Old story 981");
        assertThat(object("index.html")).contains("The thousandth story", "href=\"/page/49/\"");
        assertThat(changed).noneMatch(key -> key.startsWith("page/1/") || key.startsWith("page/49/"));
    }
}
