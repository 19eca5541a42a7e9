package com.newsdesk.core.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsdesk.core.article.Slug;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleArchiveTest {
    @TempDir
    Path dir;

    private ArticleArchive archive(String manifest) throws Exception {
        Files.writeString(dir.resolve("manifest.tsv"), manifest);
        return new ArticleArchive(dir);
    }

    @Test
    void manifest_listsEveryStoryWithItsPublicationTime() throws Exception {
        ArticleArchive archive = archive("slug\tsection\tpublishedAt\nfirst-story\tcity\t2025-01-02T03:04:05Z\n\nsecond\tnews\t2025-01-03T00:00:00Z\n");

        assertThat(archive.stories()).containsExactly(
                new ArticleArchive.Story(Slug.of("first-story"), Instant.parse("2025-01-02T03:04:05Z")),
                new ArticleArchive.Story(Slug.of("second"), Instant.parse("2025-01-03T00:00:00Z")));
    }

    @Test
    void aSlugThatCouldNameAFileOutsideTheArchive_isRefusedWithItsLine() throws Exception {
        ArticleArchive archive = archive("slug\tsection\tpublishedAt\nfine\tcity\t2025-01-02T03:04:05Z\n../../etc/passwd\tcity\t2025-01-02T03:04:05Z\n");

        assertThatThrownBy(archive::stories).isInstanceOf(ArchiveUnreadable.class).hasMessageContaining("line 3");
    }

    @Test
    void brokenManifests_areRefusedWithWhatToFix() throws Exception {
        assertThatThrownBy(archive("title\tdate\n")::stories).hasMessageContaining("must start with the line");
        assertThatThrownBy(archive("slug\tsection\tpublishedAt\nstory\tcity\n")::stories).hasMessageContaining("line 2: expected 3");
        assertThatThrownBy(archive("slug\tsection\tpublishedAt\nstory\tcity\tyesterday\n")::stories).hasMessageContaining("ISO-8601");
        assertThatThrownBy(archive("slug\tsection\tpublishedAt\nstory\tcity\t2025-01-02T00:00:00Z\nstory\tcity\t2025-01-02T00:00:00Z\n")::stories)
                .hasMessageContaining("listed twice");
    }

    @Test
    void aListedStoryWithoutItsDocument_isNamed() throws Exception {
        ArticleArchive archive = archive("slug\tsection\tpublishedAt\nmissing\tcity\t2025-01-02T03:04:05Z\n");

        assertThatThrownBy(() -> archive.document(Slug.of("missing"))).isInstanceOf(ArchiveUnreadable.class)
                .hasMessageContaining("no missing.json");
    }
}
