package com.newsdesk.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.testing.OnCue;
import com.newsdesk.testing.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Editors saving at the same moment: exactly one wins, and nobody's save is silently lost. */
class ConcurrentEditorsTest {
    private static final int EDITORS = 8;
    private final EditorApi api = new EditorApi();
    private final byte[] article = Samples.article("night-buses-return");

    private byte[] titled(String title) {
        try {
            ObjectNode edit = (ObjectNode) EditorApi.JSON.readTree(article);
            edit.put("title", title);
            return EditorApi.JSON.writeValueAsBytes(edit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> List<T> race(Callable<T> save) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> results = new ArrayList<>();
        for (int i = 0; i < EDITORS; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return save.call();
            }));
        }
        start.countDown();
        List<T> statuses = new ArrayList<>();
        for (Future<T> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        return statuses;
    }

    @Test
    void editorsSavingTheSameVersion_exactlyOneWins_theRestGet412() throws Exception {
        api.put("night-buses-return", article, null);
        AtomicInteger editor = new AtomicInteger();

        List<Save> saves = race(() -> {
            String title = "Edit by editor " + editor.incrementAndGet();
            return new Save(title, api.put("night-buses-return", titled(title), "\"1\"").status());
        });

        assertThat(saves).filteredOn(save -> save.status() == 200).hasSize(1);
        assertThat(saves).filteredOn(save -> save.status() == 412).hasSize(EDITORS - 1);
        var stored = api.get("night-buses-return").json();
        assertThat(stored.get("version").asInt()).isEqualTo(2);
        assertThat(stored.get("title").asText()).isEqualTo(winner(saves, 200));
    }

    private record Save(String title, int status) {}

    private static String winner(List<Save> saves, int status) {
        return saves.stream().filter(save -> save.status() == status).findFirst().orElseThrow().title();
    }

    /**
     * Which answer a loser gets depends on when it arrives, as the README says: 428 if the winner's article already
     * existed when it looked, 409 if it looked before and wrote after; the two tests below pin each case.
     */
    @Test
    void editorsCreatingTheSameSlug_exactlyOneCreates_andItsTextIsStored() throws Exception {
        AtomicInteger editor = new AtomicInteger();

        List<Save> saves = race(() -> {
            String title = "Created by editor " + editor.incrementAndGet();
            return new Save(title, api.put("breaking", titled(title), null).status());
        });

        assertThat(saves).filteredOn(save -> save.status() == 201).hasSize(1);
        assertThat(saves).filteredOn(save -> save.status() != 201).extracting(Save::status).isSubsetOf(409, 428);
        var stored = api.get("breaking").json();
        assertThat(stored.get("version").asInt()).isEqualTo(1);
        assertThat(stored.get("title").asText()).isEqualTo(winner(saves, 201));
    }

    @Test
    void aCreateLandingBetweenAnotherCreatesCheckAndWrite_wins_andTheOtherGets409() throws Exception {
        OnCue beforeCreating = new OnCue("create", args -> true);
        EditorApi cued = new EditorApi(store -> beforeCreating.wrap(ArticleStore.class, store));
        List<Integer> first = new ArrayList<>();
        beforeCreating.arm(() -> first.add(cued.put("breaking", titled("First"), null).status()));

        int second = cued.put("breaking", titled("Second"), null).status();

        assertThat(first).containsExactly(201);
        assertThat(second).isEqualTo(409);
        assertThat(cued.get("breaking").json().get("title").asText()).isEqualTo("First");
    }

    @Test
    void aCreateOfAnArticleThatExists_gets428() throws Exception {
        api.put("breaking", titled("First"), null);

        assertThat(api.put("breaking", titled("Second"), null).status()).isEqualTo(428);
        assertThat(api.get("breaking").json().get("title").asText()).isEqualTo("First");
    }

}
