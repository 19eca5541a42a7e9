package com.newsdesk.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.Image;
import com.newsdesk.core.article.InvalidArticle;
import com.newsdesk.core.article.SavedBy;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.store.DynamoArticleStore;
import com.newsdesk.local.servers.LocalServers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The use records and counts that keep a photo an article names from being deleted, against the local table. */
class MediaUsesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    private final LocalServers servers = LocalServers.shared();
    private final String table = servers.newTable();
    private final ArticleJson json = new ArticleJson();
    private final MediaStore store = new MediaStore(servers.dynamoDb(), table, json.mapper());
    private final DynamoArticleStore articles = new DynamoArticleStore(servers.dynamoDb(), table, json);
    private final MediaUses uses = new MediaUses(store, articles);

    @Test
    void saveCountingAUseAfterADeleteReadTheCount_makesTheDeleteFail() {
        MediaId photo = readyPhoto("aaaaaaaaaaaaaaaaaaa1");
        long read = store.findWithUseVersion(photo).orElseThrow().getValue();

        uses.claim(Slug.of("racing"), 1, article(photo));

        assertThat(store.delete(photo, read)).isFalse();
        assertThat(store.find(photo)).isPresent();
    }

    @Test
    void deleteLandingBeforeASaveCountsItsUse_makesTheSaveRefuseThePhoto_andLeavesNoUse() {
        MediaId photo = readyPhoto("aaaaaaaaaaaaaaaaaaa2");
        assertThat(store.delete(photo, store.findWithUseVersion(photo).orElseThrow().getValue())).isTrue();

        assertThatThrownBy(() -> uses.claim(Slug.of("late"), 1, article(photo))).isInstanceOf(InvalidArticle.class);
        assertThat(store.uses(photo)).isEmpty();
    }

    @Test
    void photoOnlyThePublishedVersionStillNames_isStillUsed_untilAPublishDropsIt() {
        MediaId first = readyPhoto("aaaaaaaaaaaaaaaaaaa3");
        MediaId second = readyPhoto("aaaaaaaaaaaaaaaaaaa4");
        Slug slug = Slug.of("depot");
        uses.claim(slug, 1, article(first));
        var published = articles.markPublished(articles.create(slug, article(first), SavedBy.SYSTEM, NOW), NOW, NOW);
        uses.claim(slug, published.version() + 1, article(second));
        var saved = articles.update(published, article(second), SavedBy.SYSTEM, "New photo", NOW);

        assertThat(uses.users(first)).extracting(MediaUses.User::slug).containsExactly("depot");
        assertThat(uses.users(second)).extracting(MediaUses.User::slug).containsExactly("depot");

        articles.markPublished(saved, NOW, NOW);

        assertThat(uses.users(first)).isEmpty();
        assertThat(store.uses(first)).as("the stale record is removed").isEmpty();
        assertThat(uses.users(second)).hasSize(1);
    }

    private MediaId readyPhoto(String id) {
        MediaId photo = new MediaId(id);
        store.create(MediaItem.awaitingUpload(photo, "image/jpeg", "editor", NOW));
        Renditions.Rendered rendered = new Renditions.Rendered("jpeg", 640, 480, List.of());
        store.ready(photo, rendered, List.of(new Variant(Variant.WIDTH, 640, 480, "image/jpeg", "/media/" + id + "-640x480.jpg")), NOW);
        return photo;
    }

    private static Article article(MediaId photo) {
        return new Article("Depot", null, new Article.Section("city", "City"), List.of(new Article.Author("Ana", null)), null, null,
                null, new Image(null, "The depot", null, null, null, null, photo.value()), null, List.of(), null, null, null);
    }
}
