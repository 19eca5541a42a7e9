package com.newsdesk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feed and sitemap rules on small documents, good and broken, without a site behind them. */
class FeedsAndSitemapsTest {
    private final FeedsAndSitemaps rules = new FeedsAndSitemaps("https://news.example");

    private List<String> problems(String xml) {
        return rules.problems(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String rss(String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <title>The Daily Brief</title><link>https://news.example/</link><description>News &amp; more</description>
                <lastBuildDate>Fri, 28 Nov 2025 06:30:00 GMT</lastBuildDate>
                %s
                </channel></rss>""".formatted(items);
    }

    private static String sitemap(String urls) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">%s</urlset>""".formatted(urls);
    }

    @Test
    void rssFeedWithLinkAndGuidOnEveryItem_passes() {
        assertThat(problems(rss("""
                <item><title>Night buses return</title><link>https://news.example/city/night-buses-return/</link>
                <guid>https://news.example/city/night-buses-return/</guid><pubDate>Fri, 28 Nov 2025 06:30:00 GMT</pubDate></item>
                <item><description>A brief</description><link>https://news.example/news/brief/</link>
                <guid isPermaLink="false">article-42</guid></item>"""))).isEmpty();
    }

    @Test
    void rssItemWithoutGuid_orWithARelativeLink_isReported() {
        assertThat(problems(rss("<item><title>Night buses</title><link>/city/night-buses-return/</link></item>")))
                .containsExactly("<item> 1 <link> \"/city/night-buses-return/\" is not an absolute URL on https://news.example",
                        "<item> 1 has no <guid>");
    }

    @Test
    void rssChannelWithoutDescription_andADateThatIsNotRfc822_isReported() {
        assertThat(problems("""
                <rss version="2.0"><channel><title>T</title><link>https://news.example/</link>
                <pubDate>2025-11-28T06:30:00Z</pubDate></channel></rss>"""))
                .containsExactly("<channel> has no <description>",
                        "<channel> <pubDate> \"2025-11-28T06:30:00Z\" is not an RFC 822 date such as \"Fri, 28 Nov 2025 06:30:00 GMT\"");
    }

    @Test
    void sitemapWithLocLastmodChangefreqAndPriority_passes() {
        assertThat(problems(sitemap("""
                <url><loc>https://news.example/</loc><lastmod>2025-11-28T06:30:00+00:00</lastmod><changefreq>hourly</changefreq><priority>1.0</priority></url>
                <url><loc>https://news.example/city/night-buses-return/</loc><lastmod>2025-11-28</lastmod></url>"""))).isEmpty();
    }

    @Test
    void sitemapEntryWithoutLoc_orWithBadValues_isReported() {
        assertThat(problems(sitemap("""
                <url><lastmod>2025-11-28</lastmod></url>
                <url><loc>https://elsewhere.example/x/</loc><lastmod>28/11/2025</lastmod><changefreq>often</changefreq><priority>1.5</priority></url>""")))
                .containsExactly("<url> 1 has no <loc>",
                        "<url> 2 <loc> \"https://elsewhere.example/x/\" is not an absolute URL on https://news.example",
                        "<url> 2 <lastmod> \"28/11/2025\" is not a W3C datetime",
                        "<url> 2 <changefreq> \"often\" is not one of [always, hourly, daily, weekly, monthly, yearly, never]",
                        "<url> 2 <priority> \"1.5\" is not a number from 0.0 to 1.0");
    }

    @Test
    void newsSitemapEntry_withoutTitleOrPublicationLanguage_isReported() {
        assertThat(problems("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>https://news.example/city/night-buses-return/</loc><news:news>
                <news:publication><news:name>The Daily Brief</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2025-11-28T06:30:00Z</news:publication_date><news:title>Night buses return</news:title></news:news></url>
                <url><loc>https://news.example/news/ukraine-peace-talks/</loc><news:news>
                <news:publication><news:name>The Daily Brief</news:name></news:publication>
                <news:publication_date>yesterday</news:publication_date></news:news></url></urlset>"""))
                .containsExactly("<url> 2 <news:news> <news:publication> has no <language>",
                        "<url> 2 <news:news> has no <title>",
                        "<url> 2 <news:news> <news:publication_date> \"yesterday\" is not a W3C datetime");
    }

    @Test
    void sitemapIndexEntryWithoutLoc_isReported() {
        assertThat(problems("""
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>https://news.example/sitemap-news.xml</loc></sitemap><sitemap/></sitemapindex>"""))
                .containsExactly("<sitemap> 2 has no <loc>");
    }

    @Test
    void sitemapElementsOutsideTheSitemapNamespace_areNotSitemaps() {
        assertThat(problems("<urlset><url><loc>https://news.example/</loc></url></urlset>"))
                .containsExactly("<urlset> in namespace null is neither an RSS 2.0 feed nor a sitemap: "
                        + "add the rules of this kind of document to FeedsAndSitemaps");
    }

    @Test
    void xmlThatIsNotWellFormed_isReported() {
        assertThat(problems("<rss version=\"2.0\"><channel><title>Fish & chips</title></channel></rss>"))
                .singleElement().asString().startsWith("not well-formed XML: ");
    }

    @Test
    void aDoctype_isRefused_soNoEntityCanReachForALocalFile() {
        assertThat(problems("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&secret;</title></channel></rss>"""))
                .singleElement().asString().startsWith("not well-formed XML: ").contains("DOCTYPE");
    }
}
