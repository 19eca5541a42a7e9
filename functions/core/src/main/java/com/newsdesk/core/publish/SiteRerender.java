package com.newsdesk.core.publish;

import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.cdn.CdnPurge;
import com.newsdesk.core.cdn.Purge;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.pipeline.RenderQueue;
import com.newsdesk.core.pipeline.RenderTask;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Re-renders every live article and every list page through the render queue, as after a deploy that changes
 * how pages look: a job queues the home list's stories a slice at a time (each slice queues the next, so a job
 * of a million stories is a chain of small messages), then every list. Each message renders one page or one
 * list, writes only what differs, and counts itself done or failed on the job; the message that completes the
 * job purges the CDN once, if anything changed. A job stopped half-way resumes from its messages.
 */
public final class SiteRerender {
    static final int SLICE = 200;
    private static final String PARTITION = "SITE#RERENDER";
    private static final String VERSION_KEY = "VERSION";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ListStore lists;
    private final SitePages sitePages;
    private final ArticlePages pages;
    private final RenderQueue queue;
    private final CdnPurge cdn;
    private final ListName home;
    private final Clock clock;

    public SiteRerender(DynamoDbClient dynamoDb, String table, ListStore lists, SitePages sitePages, ArticlePages pages,
                        RenderQueue queue, CdnPurge cdn, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.lists = lists;
        this.sitePages = sitePages;
        this.pages = pages;
        this.queue = queue;
        this.cdn = cdn;
        this.home = sitePages.home();
        this.clock = clock;
    }

    /**
     * A job's progress: messages queued ({@code total}), done and failed, and objects whose bytes changed; finished
     * once every queued one is done or failed. (Stored as {@code queuedCount} and so on: TOTAL is one of
     * DynamoDB's reserved words.)
     */
    public record Job(String id, String reason, String startedAt, long total, long done, long failed, long changed,
                      boolean queuedAll, String finishedAt) {
        public boolean finished() {
            return finishedAt != null;
        }
    }

    /** Starts a job and queues its first slice. */
    public Job start(String reason) {
        String id = UUID.randomUUID().toString();
        String startedAt = clock.instant().toString();
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", s(PARTITION), "sk", s("JOB#" + id),
                "reason", s(reason), "startedAt", s(startedAt), "queuedCount", n(0), "doneCount", n(0), "failedCount", n(0),
                "changedCount", n(0))));
        queue.send(List.of(new RenderTask.SiteRerenderSlice(id, 0)));
        return new Job(id, reason, startedAt, 0, 0, 0, 0, false, null);
    }

    /**
     * Starts a job if the pages were written by another render version than {@code renderVersion}, and records
     * this one, so that of several containers of a new deploy one starts it. Empty if nothing changed.
     */
    public Optional<Job> startIfRenderVersionChanged(String renderVersion) {
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(Map.of("pk", s(PARTITION), "sk", s(VERSION_KEY), "renderVersion", s(renderVersion)))
                    .conditionExpression("attribute_not_exists(renderVersion) OR renderVersion <> :version")
                    .expressionAttributeValues(Map.of(":version", s(renderVersion))));
        } catch (ConditionalCheckFailedException sameVersion) {
            return Optional.empty();
        }
        return Optional.of(start("render version " + renderVersion));
    }

    public Job job(String id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true).key(jobKey(id))).item();
        if (item == null || item.isEmpty()) {
            throw new RerenderNotFound(id);
        }
        return job(item);
    }

    /** Queues one slice of stories and the next slice, or, after the last, every list. */
    public void slice(String job, long after) {
        long last = lists.head(home).lastSeq();
        List<RenderTask> tasks = new ArrayList<>();
        Map<String, ListName> seen = new LinkedHashMap<>();
        long to = Math.min(last, after + SLICE);
        for (ListEntry story : lists.range(home, after + 1, to)) {
            tasks.add(new RenderTask.PageRerender(story.slug(), job));
            listsShowing(story).forEach(list -> seen.putIfAbsent(list.key(), list));
        }
        // lists made before the register existed join it here
        seen.values().forEach(lists::register);
        boolean lastSlice = to >= last;
        if (lastSlice) {
            lists.all().forEach(list -> tasks.add(new RenderTask.ListRebuild(list, job)));
        } else {
            tasks.add(new RenderTask.SiteRerenderSlice(job, to));
        }
        long counted = tasks.stream().filter(task -> !(task instanceof RenderTask.SiteRerenderSlice)).count();
        // counted before they are queued, so no message can finish the job while others are still on their way; the
        // last slice checks too, for a job whose earlier messages all finished first (or that has none)
        Map<String, AttributeValue> progress = dynamoDb.updateItem(update -> update.tableName(table).key(jobKey(job))
                .updateExpression(lastSlice ? "ADD queuedCount :count SET queuedAll = :yes" : "ADD queuedCount :count")
                .expressionAttributeValues(lastSlice ? Map.of(":count", n(counted), ":yes", AttributeValue.fromBool(true))
                        : Map.of(":count", n(counted)))
                .returnValues("ALL_NEW")).attributes();
        queue.send(tasks);
        finishIfComplete(job(progress));
    }

    /** Renders one live story's page again for the job; a story taken down since is simply done. */
    public void page(String job, Slug slug) {
        List<String> written = pages.rerender(slug);
        count(job, "doneCount", written.size());
    }

    /** Renders every page of one list for the job. */
    public void list(String job, ListName list) {
        count(job, "doneCount", sitePages.rebuild(list).size());
    }

    /** A message of the job that failed its last attempt: counted, so the job still finishes. */
    public void failed(String job) {
        count(job, "failedCount", 0);
    }

    private void count(String job, String outcome, int changed) {
        Map<String, AttributeValue> after = dynamoDb.updateItem(update -> update.tableName(table).key(jobKey(job))
                .updateExpression("ADD #outcome :one, changedCount :changed")
                .expressionAttributeNames(Map.of("#outcome", outcome))
                .expressionAttributeValues(Map.of(":one", n(1), ":changed", n(changed)))
                .returnValues("ALL_NEW")).attributes();
        finishIfComplete(job(after));
    }

    private void finishIfComplete(Job progress) {
        if (progress.queuedAll() && progress.done() + progress.failed() >= progress.total()) {
            finish(progress);
        }
    }

    /** Once: the first message to see the job complete marks it finished and purges the CDN, if a page changed. */
    private void finish(Job job) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(jobKey(job.id()))
                    .updateExpression("SET finishedAt = :now").conditionExpression("attribute_not_exists(finishedAt)")
                    .expressionAttributeValues(Map.of(":now", s(clock.instant().toString()))));
        } catch (ConditionalCheckFailedException alreadyFinished) {
            return;
        }
        if (job.changed() > 0) {
            cdn.purge(new Purge("rerender:" + job.id(), List.of("/*")));
        }
    }

    private List<ListName> listsShowing(ListEntry story) {
        String section = ArticlePaths.sectionOf(story.path());
        List<ListName> shown = new ArrayList<>();
        shown.add(home);
        shown.add(ListName.section(section, story.sectionName()));
        story.tags().forEach(tag -> shown.add(ListName.tag(tag)));
        return shown;
    }

    private static Job job(Map<String, AttributeValue> item) {
        return new Job(item.get("sk").s().substring("JOB#".length()), item.get("reason").s(), item.get("startedAt").s(),
                number(item, "queuedCount"), number(item, "doneCount"), number(item, "failedCount"), number(item, "changedCount"),
                item.containsKey("queuedAll") && item.get("queuedAll").bool(),
                item.containsKey("finishedAt") ? item.get("finishedAt").s() : null);
    }

    private static Map<String, AttributeValue> jobKey(String job) {
        return new HashMap<>(Map.of("pk", s(PARTITION), "sk", s("JOB#" + job)));
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
