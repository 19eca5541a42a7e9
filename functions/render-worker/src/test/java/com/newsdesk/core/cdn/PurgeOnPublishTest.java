package com.newsdesk.core.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.publish.PublishResult;
import com.newsdesk.render.WorkerSite;
import com.newsdesk.testing.RecordingCdn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the CDN is told to drop: the publish purges the story's own page, and each list render, once the worker
 * has written it, purges that list's pages by its tag and its sitemaps by path.
 */
class PurgeOnPublishTest {
    private static final Slug NIGHT_BUSES = Slug.of("night-buses-return");
    /** What the first publish writes: the story's page, and the site's icons and 404 page, by path. */
    private static final List<String> FIRST_PUBLISH =
            List.of("/city/night-buses-return/", "/favicon.ico", "/icon.svg", "/apple-touch-icon.png", "/404.html");

    private final RecordingCdn cdn = new RecordingCdn();
    private final WorkerSite site = new WorkerSite(cdn.settings());

    @AfterEach
    void stop() {
        cdn.close();
    }

    @Test
    void publish_purgesTheStorysOwnPage_andEachListOnceItsPagesAreRendered() {
        PublishResult result = publish("Night buses return");

        // the first publish of a container also writes the site's icons and 404 page, which show no story: by path
        assertThat(cdn.purges()).containsExactly(Map.entry("publish:night-buses-return:v1", FIRST_PUBLISH));
        assertThat(result.changedPaths()).contains("/city/night-buses-return/");

        site.renders.drain();

        Map<String, List<String>> purges = cdn.purges();
        assertThat(purges.get("list:home:r1")).contains("#l:home", "/sitemap.xml", "/sitemaps/news.xml")
                .noneMatch(item -> item.startsWith("/assets/"));
        assertThat(purges.get("list:section:city:r1")).containsExactly("#l:section:city");
    }

    @Test
    void correction_purgesThePageByPath_andTheListsShowingIt_afterTheirRender() {
        publish("Night buses return");
        site.renders.drain();
        cdn.clear();

        publish("Night buses return to six routes");
        site.renders.drain();

        Map<String, List<String>> purges = cdn.purges();
        assertThat(purges.get("publish:night-buses-return:v2")).containsExactly("/city/night-buses-return/");
        assertThat(purges.get("list:home:r2")).contains("#l:home");
        assertThat(purges.get("list:section:city:r2")).containsExactly("#l:section:city");
    }

    @Test
    void pages_areTaggedWithTheStoriesTheyShow() {
        publish("Night buses return");
        site.renders.drain();

        Map<String, String> home = site.servers.s3().headObject(h -> h.bucket(site.bucket).key("index.html")).metadata();
        Map<String, String> page = site.servers.s3().headObject(h -> h.bucket(site.bucket).key("city/night-buses-return/index.html")).metadata();
        assertThat(home.get("cache-tag").split(",")).contains("l:home", "a:night-buses-return");
        assertThat(page.get("cache-tag").split(",")).contains("a:night-buses-return");
    }

    @Test
    void refusedPurge_doesNotFailThePublish_andIsSentWithTheNextOne() {
        cdn.refuse(true);
        PublishResult refused = publish("Night buses return");
        assertThat(refused.changedPaths()).contains("/city/night-buses-return/");
        assertThat(cdn.purges()).isEmpty();

        cdn.refuse(false);
        site.renders.drain();

        assertThat(cdn.purges().entrySet().iterator().next())
                .isEqualTo(Map.entry("publish:night-buses-return:v1", FIRST_PUBLISH));
        int sent = cdn.purges().size();
        site.renders.drain();
        assertThat(cdn.purges()).hasSize(sent);
    }

    private PublishResult publish(String headline) {
        var current = site.newsroom.store().find(NIGHT_BUSES);
        site.newsroom.articles().save(NIGHT_BUSES, WorkerSite.article(headline),
                current.map(stored -> OptionalLong.of(stored.version())).orElse(OptionalLong.empty()));
        site.clock.advance(Duration.ofMinutes(5));
        return site.newsroom.publisher().publish(NIGHT_BUSES);
    }
}
