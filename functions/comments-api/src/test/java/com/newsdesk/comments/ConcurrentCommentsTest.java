package com.newsdesk.comments;

import static com.newsdesk.comments.ReaderApi.comment;
import static com.newsdesk.comments.ReaderApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Readers and editors at the same moment, against the real local servers: nothing is lost, the page converges. */
class ConcurrentCommentsTest {
    private static final int THREADS = 16;
    /** A hundred readers in the same minute: above the default site-wide ceiling, which is not what is tested here. */
    private final ReaderApi api = new ReaderApi(Map.of("SITE_COMMENT_POSTS_PER_MINUTE", "1000"));

    /** Runs the tasks on a bounded pool, all released at once, and waits for every answer. */
    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, tasks.size()));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hundredCommentsPostedAtOnce_onOneArticle_areAllStored() throws Exception {
        api.publish("peace-talks");
        List<Callable<HttpResponse>> posts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int reader = i;
            posts.add(() -> api.post("peace-talks", comment("Reader " + reader, "reader" + reader + "@example.org", "Comment " + reader)));
        }

        List<HttpResponse> answers = atOnce(posts);

        assertThat(answers).extracting(HttpResponse::status).containsOnly(202);
        assertThat(answers).extracting(answer -> answer.json().get("id").asText()).doesNotHaveDuplicates();
        assertThat(api.items("COMMENT#")).hasSize(100);
        List<String> queued = new ArrayList<>();
        String cursor = null;
        do {
            var request = request("GET", "/api/comments").editor().query("limit", "30");
            var page = api.send(cursor == null ? request : request.query("cursor", cursor)).json();
            page.get("items").forEach(item -> queued.add(item.get("body").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(queued).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void twoApprovalsAtOnce_bothEndUpInThePage() throws Exception {
        api.publish("peace-talks");
        // a few rounds: a lost update shows up as a missing comment in some round
        for (int round = 0; round < 4; round++) {
            String first = api.postWithToken("peace-talks", comment("Ada", "ada" + round + "@example.org", "Round " + round + " first")).json().get("id").asText();
            String second = api.postWithToken("peace-talks", comment("Bob", "bob" + round + "@example.org", "Round " + round + " second")).json().get("id").asText();

            List<HttpResponse> approvals = atOnce(List.<Callable<HttpResponse>>of(
                    () -> api.approve("peace-talks", first),
                    () -> api.approve("peace-talks", second)));

            assertThat(approvals).extracting(HttpResponse::status).containsOnly(200);
            assertThat(api.page("peace-talks"))
                    .contains("Round " + round + " first", "Round " + round + " second")
                    .contains("Comments (" + (2 * round + 2) + ")");
        }
    }
}
