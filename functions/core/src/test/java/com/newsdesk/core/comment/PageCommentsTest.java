package com.newsdesk.core.comment;

import com.newsdesk.core.mailbox.EmailAddress;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.render.PublishedComment;
import com.newsdesk.core.render.ShownComments;
import com.newsdesk.testing.Samples;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.InlineMarkdown;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.SiteSettings;
import com.newsdesk.local.servers.LocalAws;
import com.newsdesk.local.servers.LocalServers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The comments an article page shows, read from the local DynamoDB through a client that counts every item it
 * reads: a bounded number of the newest approved comments, whatever else the article's partition holds.
 */
class PageCommentsTest {
    private static final SiteSettings SITE = new SiteSettings("The Daily Brief", "https://news.example", "en", ZoneId.of("UTC"), "");
    private static final Instant START = Instant.parse("2025-08-20T09:30:00Z");
    private static final Slug SLUG = Slug.of("night-buses-return");
    private static final EmailAddress EMAIL = EmailAddress.parse("reader@example.org").orElseThrow();

    private final LocalServers servers = LocalServers.shared();
    private final String table = servers.newTable();
    private final AtomicInteger itemsRead = new AtomicInteger();
    private final CommentStore store = new CommentStore(countingClient(), table);
    private final CommentThreads threads = new CommentThreads(store);
    private final ArticleJson json = new ArticleJson();
    private final ArticleViews views = new ArticleViews(SITE, new InlineMarkdown(), new StructuredData(SITE), new SiteAssets());
    private final PageRenderer renderer = new PageRenderer();
    private int posted;

    private DynamoDbClient countingClient() {
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (context.response() instanceof QueryResponse query) {
                    itemsRead.addAndGet(query.count());
                } else if (context.response() instanceof ScanResponse scan) {
                    itemsRead.addAndGet(scan.count());
                } else if (context.response() instanceof GetItemResponse get && get.hasItem()) {
                    itemsRead.incrementAndGet();
                }
            }
        };
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(LocalAws.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAws.ACCESS_KEY_ID, LocalAws.SECRET_ACCESS_KEY)))
                .endpointOverride(servers.dynamoDbEndpoint())
                .overrideConfiguration(config -> config.addExecutionInterceptor(counter))
                .build();
    }

    /** Stores a comment with this status, one millisecond after the last; approved ones are put on the page. */
    private Comment post(String body, CommentStatus status, Comment parent) {
        Comment comment = new Comment(SLUG, CommentId.next(START.plusMillis(++posted)), "Reader " + posted, EMAIL.hash(), body, null,
                parent == null ? null : parent.id(), status, "client", List.of(), null);
        store.insert(comment, EMAIL);
        if (status == CommentStatus.APPROVED) {
            store.showOnPage(comment);
        }
        return comment;
    }

    private String render(ShownComments comments) throws Exception {
        Article article = json.readRequest(Samples.article("night-buses-return"));
        return renderer.article(views.build(SLUG, article, new ArticleViews.Context(START, null, List.of(), comments, List.of(), false)));
    }

    private ShownComments read() {
        itemsRead.set(0);
        return threads.of(SLUG);
    }

    @Test
    void aThousandSpamComments_changeNeitherTheItemsARenderReadsNorThePage() throws Exception {
        Comment first = post("The first thread", CommentStatus.APPROVED, null);
        post("A reply to it", CommentStatus.APPROVED, first);
        post("The second thread", CommentStatus.APPROVED, null);
        ShownComments before = read();
        int readBefore = itemsRead.get();
        String pageBefore = render(before);

        for (int i = 0; i < 1000; i++) {
            post("Cheap pills " + i, i % 2 == 0 ? CommentStatus.SPAM : CommentStatus.PENDING, null);
        }
        ShownComments after = read();
        int readAfter = itemsRead.get();

        assertThat(readBefore).isEqualTo(3);
        assertThat(readAfter).isEqualTo(readBefore);
        assertThat(after).isEqualTo(before);
        assertThat(render(after)).isEqualTo(pageBefore).contains("A reply to it").doesNotContain("Cheap pills");
    }

    @Test
    void manyApprovedComments_showTheNewestWholeThreads_boundedAndLinkingToTheFullList() throws Exception {
        Comment oldest = post("&".repeat(Submission.MAX_BODY), CommentStatus.APPROVED, null);
        for (int i = 0; i < 300; i++) {
            post("&".repeat(Submission.MAX_BODY), CommentStatus.APPROVED, null);
        }
        Comment newest = post("The newest thread", CommentStatus.APPROVED, null);
        post("An early reply", CommentStatus.APPROVED, newest);
        post("A later reply", CommentStatus.APPROVED, newest);

        ShownComments shown = read();
        String page = render(shown);

        assertThat(itemsRead.get()).isEqualTo(CommentThreads.SHOWN + 1);
        assertThat(shown.more()).isTrue();
        assertThat(shown.threads().stream().mapToInt(thread -> 1 + thread.replies().size()).sum()).isEqualTo(CommentThreads.SHOWN);
        PublishedComment last = shown.threads().get(shown.threads().size() - 1);
        assertThat(last.body()).isEqualTo("The newest thread");
        assertThat(last.replies()).extracting(PublishedComment::body).containsExactly("An early reply", "A later reply");
        assertThat(shown.threads()).extracting(PublishedComment::id).doesNotContain(oldest.id().value());
        assertThat(page).contains("href=\"/api/articles/night-buses-return/comments\"");
        assertThat(page.length()).isLessThan(CommentThreads.SHOWN * 25_000 + 200_000);
    }

    @Test
    void commentsApprovedBeforePagesHadTheirOwnCopies_arePutOnThePageByTheBackfill_once() {
        Comment thread = new Comment(SLUG, CommentId.next(START), "Early reader", EMAIL.hash(), "Approved long ago", null, null,
                CommentStatus.APPROVED, "client", List.of(), START);
        store.insert(thread, EMAIL);
        post("Still pending", CommentStatus.PENDING, null);

        int first = store.putApprovedOnPages();
        int again = store.putApprovedOnPages();

        assertThat(first).isEqualTo(1);
        assertThat(again).isEqualTo(1);
        assertThat(read().threads()).extracting(PublishedComment::body).containsExactly("Approved long ago");
    }

    @Test
    void aReplyWhoseParentLeftThePage_isNotShown() {
        Comment parent = post("A thread", CommentStatus.APPROVED, null);
        post("Its reply", CommentStatus.APPROVED, parent);
        store.removeFromPage(parent);

        ShownComments shown = read();

        assertThat(shown.threads()).isEmpty();
        assertThat(shown.more()).isFalse();
    }
}
