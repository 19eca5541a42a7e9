package com.newsdesk.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.comment.Comment;
import com.newsdesk.core.comment.CommentId;
import com.newsdesk.core.comment.CommentStatus;
import com.newsdesk.core.comment.CommentStore;
import com.newsdesk.core.mailbox.EmailAddress;
import com.newsdesk.core.comment.ModerationAction;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.site.Settings;
import com.newsdesk.core.store.DynamoArticleStore;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.testing.OnCue;
import com.newsdesk.local.servers.SqsBatches;
import com.newsdesk.render.RenderHandler;
import com.newsdesk.render.WorkerSite;
import com.newsdesk.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Concurrent changes converge: each race is made to happen every time, by letting another change land between a
 * render's reads and its write (or between a publish's read and its state change), so a test fails whenever the
 * re-check that makes them converge is missing.
 */
class ConvergenceTest {

    private final LocalServers servers = LocalServers.shared();
    private final String table = servers.newTable();
    private final String bucket = servers.newBucket();
    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final Settings settings = Settings.of(LocalSite.settings(servers, table, bucket,
            Map.of("FORM_TOKEN_SECRET", "convergence-test-secret-of-some-length")));
    private volatile String cuedKey;
    /** Before the bucket writes the cued key, another change lands. */
    private final OnCue beforeWriting = new OnCue("put", args -> args[0].equals(cuedKey));
    /** Before the store publishes an article, another change lands. */
    private final OnCue beforePublishing = new OnCue("markPublished", args -> true);
    private final OnCue beforeUnpublishing = new OnCue("markUnpublished", args -> true);
    private final Newsroom newsroom = newsroom();
    /** The render worker, run as Lambda's SQS event source runs it. */
    private final SqsBatches renders = new SqsBatches(servers.sqs(), settings.required("RENDER_QUEUE_URL"), new RenderHandler(newsroom));

    private Newsroom newsroom() {
        ArticleJson json = new ArticleJson();
        ArticleStore store = new DynamoArticleStore(servers.dynamoDb(), table, json);
        SiteBucket siteBucket = new S3SiteBucket(servers.s3(), bucket);
        return new Newsroom(settings, servers.dynamoDb(), servers.s3(), servers.sqs(), json,
                beforeUnpublishing.wrap(ArticleStore.class, beforePublishing.wrap(ArticleStore.class, store)), beforeWriting.wrap(SiteBucket.class, siteBucket), clock);
    }

    @Test
    void aStoryPublishedWhileTheFrontPageRenders_isOnTheFrontPageAndInTheFeed() {
        save("first-story", "First story");
        save("second-story", "Second story");
        newsroom.publisher().publish(Slug.of("first-story"));
        cuedKey = "index.html";
        // the second story is published and its lists brought up to date while the first's front page renders
        beforeWriting.arm(() -> {
            newsroom.publisher().publish(Slug.of("second-story"));
            renders.drain();
        });

        renders.drain();

        assertThat(beforeWriting.landed()).isTrue();
        for (String key : List.of("index.html", "feed.xml", "city/index.html", "sitemaps/news.xml")) {
            assertThat(object(key)).as(key).contains("/city/first-story/", "/city/second-story/");
        }
    }

    @Test
    void aCommentApprovedWhileThePageRenders_isOnThePage() {
        save("peace-talks", "Peace talks");
        newsroom.publisher().publish(Slug.of("peace-talks"));
        CommentId first = pendingComment("peace-talks", "ada@example.org", "First to be approved");
        CommentId second = pendingComment("peace-talks", "bob@example.org", "Approved while the first renders");
        cuedKey = "city/peace-talks/index.html";
        beforeWriting.arm(() -> approve("peace-talks", second));

        approve("peace-talks", first);

        assertThat(beforeWriting.landed()).isTrue();
        assertThat(object("city/peace-talks/index.html"))
                .contains("First to be approved", "Approved while the first renders", "Comments (2)");
    }

    @Test
    void aCorrectionPublishedWhileThePageIsReRendered_isWhatThePageShows() {
        save("peace-talks", "Peace talks");
        newsroom.publisher().publish(Slug.of("peace-talks"));
        cuedKey = "city/peace-talks/index.html";
        beforeWriting.arm(() -> {
            saveAgain("peace-talks", "Peace talks collapse");
            newsroom.publisher().publish(Slug.of("peace-talks"));
        });
        newsroom.store().bumpPageRevision(Slug.of("peace-talks"));

        newsroom.publisher().rerender(Slug.of("peace-talks"));

        assertThat(beforeWriting.landed()).isTrue();
        assertThat(object("city/peace-talks/index.html")).contains("Peace talks collapse");
    }

    @Test
    void aFollowUpThatReadTheOldVersion_doesNotLeaveItsPageBehindTheCorrection() {
        save("peace-talks", "Peace talks");
        newsroom.publisher().publish(Slug.of("peace-talks"));
        cuedKey = "city/peace-talks/index.html";
        // the follow-up of the first publish has read it; the correction is published before its page write lands
        beforeWriting.arm(() -> {
            saveAgain("peace-talks", "Peace talks collapse");
            newsroom.publisher().publish(Slug.of("peace-talks"));
        });
        servers.s3().deleteObject(delete -> delete.bucket(bucket).key("city/peace-talks/index.html"));

        renders.runBatch();

        assertThat(beforeWriting.landed()).isTrue();
        assertThat(object("city/peace-talks/index.html")).contains("Peace talks collapse");
    }

    @Test
    void anEditorSavingWhileThePublishReads_getsTheConflict_andNothingUnreviewedIsPublished() {
        save("peace-talks", "Peace talks");
        beforePublishing.arm(() -> saveAgain("peace-talks", "Peace talks: unreviewed edit"));

        assertThatThrownBy(() -> newsroom.publisher().publish(Slug.of("peace-talks"))).isInstanceOf(PublishConflict.class);

        assertThat(beforePublishing.landed()).isTrue();
        assertThat(newsroom.store().find(Slug.of("peace-talks")).orElseThrow().published()).isNull();
        assertThat(servers.s3().listObjectsV2(l -> l.bucket(bucket).prefix("city/")).contents()).isEmpty();
    }

    @Test
    void aFrontPageWriteThatFailed_isCompletedByTheWorkersRetry_withoutAnEditor() {
        save("peace-talks", "Peace talks");
        newsroom.publisher().publish(Slug.of("peace-talks"));
        cuedKey = "index.html";
        beforeWriting.arm(() -> {
            throw new IllegalStateException("the bucket went away");
        });

        renders.drain(Duration.ofSeconds(20));

        assertThat(beforeWriting.landed()).isTrue();
        for (String key : List.of("index.html", "feed.xml", "city/index.html", "sitemaps/articles-1.xml")) {
            assertThat(object(key)).as(key).contains("/city/peace-talks/");
        }
        assertThat(newsroom.publisher().followUp(Slug.of("peace-talks")).complete()).isTrue();
    }

    @Test
    void aPublishWhosePageWriteFailed_isCompletedByTheWorker_withoutAnEditor() {
        save("peace-talks", "Peace talks");
        cuedKey = "city/peace-talks/index.html";
        beforeWriting.arm(() -> {
            throw new IllegalStateException("the bucket went away");
        });
        assertThatThrownBy(() -> newsroom.publisher().publish(Slug.of("peace-talks"))).hasMessageContaining("went away");

        renders.drain(Duration.ofSeconds(20));

        assertThat(object("city/peace-talks/index.html")).contains("Peace talks");
        assertThat(object("index.html")).contains("/city/peace-talks/");
    }

    @Test
    void aFrontPageThatChangesAfterEveryRender_givesUpAfterTenRenders_andTheRetryCompletesIt() {
        save("peace-talks", "Peace talks");
        newsroom.publisher().publish(Slug.of("peace-talks"));
        ListStore lists = new ListStore(servers.dynamoDb(), table);
        AtomicInteger other = new AtomicInteger();
        cuedKey = "index.html";
        beforeWriting.armForEveryCall(() -> lists.upsert(ListName.home(LocalSite.SITE_NAME), story("other-" + other.incrementAndGet())));

        renders.drain();

        assertThat(beforeWriting.landings()).isEqualTo(10);
        assertThat(newsroom.publisher().followUp(Slug.of("peace-talks")).queued()).contains("/");
        beforeWriting.disarm();
        renders.drain(Duration.ofSeconds(20));
        assertThat(object("index.html")).contains("/city/peace-talks/", "/city/other-10/");
    }

    @Test
    void aPageWhoseRevisionMovesAfterEveryRender_givesUpAfterTenRenders_andSaysSo() {
        save("peace-talks", "Peace talks");
        newsroom.publisher().publish(Slug.of("peace-talks"));
        cuedKey = "city/peace-talks/index.html";
        beforeWriting.armForEveryCall(() -> newsroom.store().bumpPageRevision(Slug.of("peace-talks")));

        assertThatThrownBy(() -> newsroom.publisher().rerender(Slug.of("peace-talks")))
                .isInstanceOf(PagesKeptChanging.class).hasMessageContaining("article 'peace-talks'");
        assertThat(beforeWriting.landings()).isEqualTo(10);
    }

    @Test
    void anUnpublishThatLosesToASaveEveryTime_givesUpAfterFiveAttempts_andTheStoryStaysPublished() {
        save("peace-talks", "Peace talks");
        newsroom.publisher().publish(Slug.of("peace-talks"));
        AtomicInteger edit = new AtomicInteger();
        beforeUnpublishing.armForEveryCall(() -> saveAgain("peace-talks", "Edit " + edit.incrementAndGet()));

        assertThatThrownBy(() -> newsroom.publisher().unpublish(Slug.of("peace-talks")))
                .isInstanceOf(UnpublishConflict.class).hasMessageContaining("each of 5 attempts");

        assertThat(beforeUnpublishing.landings()).isEqualTo(5);
        assertThat(newsroom.store().find(Slug.of("peace-talks")).orElseThrow().isLive()).isTrue();
    }

    private static ListEntry story(String slug) {
        Instant at = Instant.parse("2026-03-01T08:00:00Z");
        return new ListEntry(0, slug, "Other story " + slug, null, "/city/" + slug + "/", at, at, "Staff", "City",
                List.of(), "en", null, null);
    }

    private void save(String slug, String title) {
        newsroom.articles().save(Slug.of(slug), WorkerSite.article(title), OptionalLong.empty());
        clock.advance(Duration.ofMinutes(1));
    }

    private void saveAgain(String slug, String title) {
        long version = newsroom.store().find(Slug.of(slug)).orElseThrow().version();
        newsroom.articles().save(Slug.of(slug), WorkerSite.article(title), OptionalLong.of(version));
        clock.advance(Duration.ofMinutes(1));
    }

    private CommentId pendingComment(String slug, String email, String body) {
        CommentId id = CommentId.next(clock.instant());
        new CommentStore(servers.dynamoDb(), table).insert(new Comment(Slug.of(slug), id, "Reader", email.substring(0, 3), body,
                null, null, CommentStatus.PENDING, "client", List.of(), null), EmailAddress.parse(email).orElseThrow());
        clock.advance(Duration.ofSeconds(1));
        return id;
    }

    private void approve(String slug, CommentId id) {
        newsroom.comments(mail -> { }).moderate(Slug.of(slug), id.toString(), ModerationAction.APPROVE, "editor-1"); // mails are not what this test reads
    }


    private String object(String key) {
        return servers.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }
}
