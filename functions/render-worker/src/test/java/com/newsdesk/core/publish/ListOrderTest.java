package com.newsdesk.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.author.AuthorProfiles;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.InlineMarkdown;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.SiteSettings;
import com.newsdesk.local.servers.LocalServers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A list's pages show its stories newest published first, whatever order their follow-ups reached the list in. */
class ListOrderTest {
    private static final SiteSettings SITE = new SiteSettings("The Daily Brief", "https://news.example", "en", ZoneId.of("UTC"), "");

    private final LocalServers servers = LocalServers.shared();
    private final String bucket = servers.newBucket();
    private final ListStore lists = new ListStore(servers.dynamoDb(), servers.newTable());

    @Test
    void aStoryWhoseFollowUpLandedLate_standsAtItsPublicationTime_onTheFrontPageArchiveFeedAndSitemaps() {
        StructuredData structuredData = new StructuredData(SITE);
        SitePages pages = new SitePages(lists, new ArticleViews(SITE, new InlineMarkdown(), structuredData, new SiteAssets()),
                new PageRenderer(), new S3SiteBucket(servers.s3(), bucket), SITE, structuredData,
                Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC), AuthorProfiles.NONE);
        ListName home = pages.home();
        // the 08:06 story reached the list first; the 08:05 story's follow-up was retried after an outage
        lists.upsert(home, story("later-story", "2026-03-02T08:06:00Z"));
        lists.upsert(home, story("earlier-story", "2026-03-02T08:05:00Z"));

        pages.render(home, Set.of(1L, 2L), lists.head(home));

        for (String newestFirst : List.of("index.html", "page/1/index.html", "feed.xml", "sitemaps/news.xml", "sitemaps/articles-1.xml")) {
            String page = servers.s3().getObjectAsBytes(get -> get.bucket(bucket).key(newestFirst)).asUtf8String();
            assertThat(page.indexOf("/news/later-story/")).as(newestFirst).isPositive()
                    .isLessThan(page.indexOf("/news/earlier-story/"));
        }
    }

    private static ListEntry story(String slug, String publishedAt) {
        Instant at = Instant.parse(publishedAt);
        return new ListEntry(0, slug, "Headline of " + slug, "Dek", "/news/" + slug + "/", at, at, "Emma Walker", "News",
                List.of(), "en", null, null);
    }
}
