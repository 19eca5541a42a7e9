package com.newsdesk.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Editors saving at the same moment: exactly one wins, and nobody's save is silently lost. */
class ConcurrentEditorsTest {
    private static final int EDITORS = 8;
    private final EditorApi api = new EditorApi();
    private final byte[] article = Samples.article("night-buses-return");

    private List<Integer> race(Callable<Integer> save) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < EDITORS; i++) {
            int editor = i;
            results.add(pool.submit(() -> {
                start.await();
                return save.call();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        return statuses;
    }

    @Test
    void editorsSavingTheSameVersion_exactlyOneWins_theRestGet412() throws Exception {
        api.put("night-buses-return", article, null);
        java.util.concurrent.atomic.AtomicInteger editor = new java.util.concurrent.atomic.AtomicInteger();

        List<Integer> statuses = race(() -> {
            ObjectNode edit = (ObjectNode) EditorApi.JSON.readTree(article);
            edit.put("dek", "Edit by editor " + editor.incrementAndGet());
            return api.put("night-buses-return", EditorApi.JSON.writeValueAsBytes(edit), "\"1\"").status();
        });

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(EDITORS - 1);
        var stored = api.get("night-buses-return").json();
        assertThat(stored.get("version").asInt()).isEqualTo(2);
        assertThat(stored.get("dek").asText()).startsWith("Edit by editor ");
    }

    @Test
    void editorsCreatingTheSameSlug_exactlyOneCreates() throws Exception {
        List<Integer> statuses = race(() -> api.put("breaking", article, null).status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 409 || s == 428);
        assertThat(api.get("breaking").json().get("version").asInt()).isEqualTo(1);
    }
}
