package com.newsdesk.core.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.listing.ListName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurgeTest {

    @Test
    void pagesThatShowedTheStory_goAsOneTag_othersByPath() {
        Purge purge = Purge.of("publish:x:v2", "a:x", List.of("/city/x/", "/", "/city/"), List.of("/sitemap.xml"));

        assertThat(purge.items()).containsExactly("#a:x", "/sitemap.xml");
    }

    @Test
    void aSinglePage_goesByPath_soTheListsShowingTheStoryStayCached() {
        Purge purge = Purge.of("rerender:x:r3", "a:x", List.of("/city/x/"), List.of());

        assertThat(purge.items()).containsExactly("/city/x/");
    }

    @Test
    void fingerprintedAssets_areNeverPurged() {
        Purge purge = Purge.of("publish:x:v1", "a:x", List.of(), List.of("/assets/site.0123abcd.css", "/"));

        assertThat(purge.items()).containsExactly("/");
    }

    @Test
    void cloudFrontItems_nameTheObjectTheEdgeCached_inBatchesWithinTheLimit() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            paths.add("/tags/t" + i + "/");
        }
        List<List<String>> batches = CloudFrontPurge.batches(new Purge("publish:x:v1", paths));

        assertThat(batches).hasSize(3);
        assertThat(batches).allMatch(batch -> batch.size() <= CloudFrontPurge.ITEMS_PER_INVALIDATION);
        assertThat(batches.get(0).get(0)).isEqualTo("/tags/t0/index.html");
    }

    @Test
    void callerReference_isTheSameForARetry_andDiffersForOtherItems() {
        String first = CloudFrontPurge.callerReference("publish:" + "x".repeat(120) + ":v1", 0, List.of("#a:x"));

        assertThat(CloudFrontPurge.callerReference("publish:" + "x".repeat(120) + ":v1", 0, List.of("#a:x"))).isEqualTo(first);
        assertThat(CloudFrontPurge.callerReference("publish:" + "x".repeat(120) + ":v1", 0, List.of("/"))).isNotEqualTo(first);
        assertThat(first.length()).isLessThanOrEqualTo(128);
    }

    @Test
    void tagNames_becomeVisibleAscii_withoutCommas() {
        String tag = CacheTags.list(ListName.tag("نقل, ليلي"));

        assertThat(tag).startsWith("l:").matches("[!-~&&[^,]]+");
    }

    @Test
    void anObjectShowingMoreThanFiftyStories_carriesNoTags_andIsPurgedByPath() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(CacheTags.article("s" + i));
        }
        assertThat(CacheTags.of(many)).isEmpty();
    }
}
