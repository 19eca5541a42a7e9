package com.newsdesk.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.pipeline.RenderTask;
import com.newsdesk.core.pipeline.SqsRenderQueue;
import com.newsdesk.core.schedule.DueSchedules;
import com.newsdesk.core.schedule.ScheduleStore;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.Samples;
import com.newsdesk.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Scheduled publishing and expiry, with the clock under the test's control: the local scheduler ({@link DueSchedules},
 * EventBridge Scheduler's stand-in) is run at chosen minutes, then the render worker does what it queued.
 */
class ScheduledPublishingTest {
    private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");
    private static final String SLUG = "ukraine-peace-talks";

    private final TestClock clock = new TestClock(NOW);
    private final EditorApi api = new EditorApi(clock, Map.of());
    private final ScheduleStore store = new ScheduleStore(api.servers.dynamoDb(), api.table);
    private final SqsRenderQueue queue = new SqsRenderQueue(api.servers.sqs(), api.newsroom.settings().required("RENDER_QUEUE_URL"));
    private final DueSchedules scheduler = new DueSchedules(store, queue, clock);

    @Test
    void scheduledStory_goesLiveAtItsMinute_notBefore() {
        api.put(SLUG, Samples.article(SLUG), null);

        HttpResponse scheduled = schedule("{\"publishAt\": \"2026-12-01T06:00:00+01:00\"}");
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.json().path("publishAt").asText()).isEqualTo("2026-12-01T05:00:00Z");
        assertThat(scheduled.json().path("version").asLong()).isEqualTo(1);

        at("2026-12-01T04:59:59Z");
        assertThat(status()).isEqualTo("draft");

        at("2026-12-01T05:00:00Z");
        HttpResponse article = api.get(SLUG);
        assertThat(article.json().path("status").asText()).isEqualTo("published");
        assertThat(article.json().path("publishedAt").asText()).isEqualTo("2026-12-01T05:00:00Z");
        assertThat(pageExists(article.json().path("url").asText())).isTrue();
        assertThat(schedules()).isEmpty();
    }

    @Test
    void expiry_takesTheStoryDownAtItsMinute() {
        api.put(SLUG, Samples.article(SLUG), null);
        schedule("{\"publishAt\": \"2026-12-01T05:00:00Z\", \"unpublishAt\": \"2026-12-01T07:00:00Z\"}");

        at("2026-12-01T05:00:00Z");
        assertThat(status()).isEqualTo("published");
        assertThat(schedules()).hasSize(1);

        at("2026-12-01T06:59:00Z");
        assertThat(status()).isEqualTo("published");

        at("2026-12-01T07:00:00Z");
        assertThat(status()).isEqualTo("unpublished");
        assertThat(schedules()).isEmpty();
    }

    @Test
    void expiryAlone_needsALiveStory() {
        api.put(SLUG, Samples.article(SLUG), null);
        HttpResponse refused = schedule("{\"unpublishAt\": \"2026-12-01T07:00:00Z\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("detail").asText()).contains("publishAt is required: the article is not live");

        api.post(SLUG, "publish");
        assertThat(schedule("{\"unpublishAt\": \"2026-12-01T07:00:00Z\"}").status()).isEqualTo(200);
        at("2026-12-01T07:00:00Z");
        assertThat(status()).isEqualTo("unpublished");
    }

    @Test
    void cancelledSchedule_publishesNothing() {
        api.put(SLUG, Samples.article(SLUG), null);
        schedule("{\"publishAt\": \"2026-12-01T05:00:00Z\"}");

        HttpResponse cancelled = api.send(EditorApi.request("DELETE", "/api/articles/{slug}/schedule", SLUG));
        assertThat(cancelled.status()).isEqualTo(204);

        at("2026-12-01T05:00:00Z");
        assertThat(status()).isEqualTo("draft");
        assertThat(api.send(EditorApi.request("GET", "/api/articles/{slug}/schedule", SLUG)).status()).isEqualTo(404);
        assertThat(api.send(EditorApi.request("DELETE", "/api/articles/{slug}/schedule", SLUG)).status()).isEqualTo(404);
    }

    @Test
    void rescheduled_publishesAtTheNewMinuteOnly() {
        api.put(SLUG, Samples.article(SLUG), null);
        schedule("{\"publishAt\": \"2026-12-01T05:00:00Z\"}");
        schedule("{\"publishAt\": \"2026-12-01T06:00:00Z\"}");

        at("2026-12-01T05:00:00Z");
        assertThat(status()).isEqualTo("draft");

        at("2026-12-01T06:00:00Z");
        assertThat(status()).isEqualTo("published");
    }

    @Test
    void timerOfAReplacedSchedule_firingInAws_publishesNothing() {
        api.put(SLUG, Samples.article(SLUG), null);
        schedule("{\"publishAt\": \"2026-12-01T05:00:00Z\"}");
        String replaced = store.find(Slug.of(SLUG)).orElseThrow().generation();
        schedule("{\"publishAt\": \"2026-12-01T06:00:00Z\"}");

        // EventBridge deletes the replaced timer; one that fires anyway (deleted too late) sends this
        clock.advance(Duration.ofHours(1));
        queue.send(List.of(new RenderTask.ScheduledPublish(SLUG, replaced)));
        api.renders.drain();

        assertThat(status()).isEqualTo("draft");
        assertThat(schedules()).hasSize(1);
    }

    @Test
    void saveAfterScheduling_isNeverPublishedUnreviewed_untilAnEditorSchedulesAgain() {
        api.put(SLUG, Samples.article(SLUG), null);
        schedule("{\"publishAt\": \"2026-12-01T05:00:00Z\"}");

        HttpResponse saved = api.put(SLUG, headline("Unreviewed headline"), "\"1\"");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("schedule").path("changedSinceScheduled").asBoolean()).isTrue();
        assertThat(saved.json().path("schedule").path("version").asLong()).isEqualTo(1);
        assertThat(schedules().get(0).path("changedSinceScheduled").asBoolean()).isTrue();

        at("2026-12-01T05:00:00Z");
        assertThat(status()).isEqualTo("draft");
        HttpResponse kept = api.send(EditorApi.request("GET", "/api/articles/{slug}/schedule", SLUG));
        assertThat(kept.json().path("skipped").asText()).contains("scheduled at version 1", "now version 2");

        // the editor reviews the new text and schedules it again
        schedule("{\"publishAt\": \"2026-12-01T05:30:00Z\"}");
        at("2026-12-01T05:30:00Z");
        HttpResponse article = api.get(SLUG);
        assertThat(article.json().path("status").asText()).isEqualTo("published");
        assertThat(article.json().path("publishedVersion").asLong()).isEqualTo(2);
        assertThat(article.json().path("title").asText()).isEqualTo("Unreviewed headline");
    }

    @Test
    void schedulesRacing_leaveOneSchedule_andOnePublishAtItsMinute() throws Exception {
        api.put(SLUG, Samples.article(SLUG), null);
        ExecutorService editors = Executors.newFixedThreadPool(8);
        List<Callable<HttpResponse>> requests = new ArrayList<>();
        for (int minute = 1; minute <= 8; minute++) {
            String body = "{\"publishAt\": \"2026-12-01T05:0" + minute + ":00Z\"}";
            requests.add(() -> schedule(body));
        }
        try {
            for (Future<HttpResponse> answer : editors.invokeAll(requests)) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            editors.shutdown();
        }
        assertThat(schedules()).hasSize(1);
        Instant winner = Instant.parse(schedules().get(0).path("publishAt").asText());

        at("2026-12-01T05:00:00Z");
        for (int minute = 1; minute <= 8; minute++) {
            Instant at = Instant.parse("2026-12-01T05:0" + minute + ":00Z");
            at(at.toString());
            assertThat(status()).as("at %s, the schedule for %s", at, winner).isEqualTo(at.isBefore(winner) ? "draft" : "published");
        }
        assertThat(api.get(SLUG).json().path("publishedAt").asText()).isEqualTo(winner.toString());
    }

    @Test
    void badSchedules_get422NamingTheField() {
        api.put(SLUG, Samples.article(SLUG), null);
        assertThat(problem("{\"publishAt\": \"2026-12-01T06:00:00\"}")).contains("publishAt", "offset");
        assertThat(problem("{\"publishAt\": \"2026-12-01T03:59:00Z\"}")).contains("publishAt must be in the future");
        assertThat(problem("{\"publishAt\": \"2026-12-01T06:00:00Z\", \"unpublishAt\": \"2026-12-01T05:00:00Z\"}"))
                .contains("unpublishAt must be after publishAt");
        assertThat(problem("{}")).contains("publishAt or unpublishAt is required");
        assertThat(problem("{\"publishAt\": 1764565200}")).contains("publishAt must be a string");
        assertThat(problem("{\"publishAt\": \"2026-12-01T06:00:00Z\", \"at\": 1}")).contains("at is not a known field");
        assertThat(problem("[]")).contains("must be a JSON object");
        assertThat(schedules()).isEmpty();

        HttpResponse missing = api.send(EditorApi.request("POST", "/api/articles/{slug}/schedule", "no-such-story")
                .json("{\"publishAt\": \"2026-12-01T06:00:00Z\"}".getBytes()));
        assertThat(missing.status()).isEqualTo(404);
    }

    private HttpResponse schedule(String body) {
        return api.send(EditorApi.request("POST", "/api/articles/{slug}/schedule", SLUG).json(body.getBytes()));
    }

    private String problem(String body) {
        HttpResponse response = schedule(body);
        assertThat(response.status()).as(body).isEqualTo(422);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        return response.json().path("detail").asText();
    }

    /** The clock moves to {@code instant}; the scheduler runs; the worker does what it queued. */
    private void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
        scheduler.fire();
        api.renders.drain();
    }

    private String status() {
        return api.get(SLUG).json().path("status").asText();
    }

    private List<com.fasterxml.jackson.databind.JsonNode> schedules() {
        List<com.fasterxml.jackson.databind.JsonNode> items = new ArrayList<>();
        api.send(EditorApi.request("GET", "/api/schedule", null)).json().path("items").forEach(items::add);
        return items;
    }

    private byte[] headline(String headline) {
        try {
            ObjectNode article = (ObjectNode) EditorApi.JSON.readTree(Samples.article(SLUG));
            article.put("title", headline);
            return EditorApi.JSON.writeValueAsBytes(article);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private boolean pageExists(String url) {
        String key = java.net.URI.create(url).getPath().substring(1);
        return api.servers.s3().listObjectsV2(list -> list.bucket(api.bucket).prefix(key)).keyCount() > 0;
    }
}
