package com.newsdesk.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.article.ArticlePaths;
import org.junit.jupiter.api.Test;

class TagSlugsTest {
    @Test
    void tagsBecomeReadableSegments() {
        assertThat(TagSlugs.of("Night Economy")).isEqualTo("night-economy");
        assertThat(TagSlugs.of("a/b?c#d")).isEqualTo("a-b-c-d");
    }

    @Test
    void dotOnlyTags_neverMakeAPathThatLeavesTheTagsFolder() {
        assertThat(TagSlugs.of("..")).startsWith("tag-").doesNotContain(".");
        assertThat(TagSlugs.of(".")).startsWith("tag-");
    }

    @Test
    void nonAsciiTags_areEncodedInLinks_andStoredUnderTheDecodedKey() {
        String segment = TagSlugs.of("Ελλάδα");

        assertThat(segment).isEqualTo("%CE%B5%CE%BB%CE%BB%CE%AC%CE%B4%CE%B1");
        assertThat(ArticlePaths.objectKey("/tags/" + segment + "/")).isEqualTo("tags/ελλάδα/index.html");
    }
}
