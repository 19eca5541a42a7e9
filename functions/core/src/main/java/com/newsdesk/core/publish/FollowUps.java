package com.newsdesk.core.publish;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What a story's publish or take-down left to the render worker, and how far it got: one item per story
 * ({@code pk = ARTICLE#<slug>, sk = FOLLOWUP}) with the version whose follow-up was queued, the version the worker
 * has followed, and each list the story changed with the revision that list's pages must reach. Editors read it
 * as the publish answer's and the article's {@code derived} field.
 */
public final class FollowUps {
    private static final String SORT_KEY = "FOLLOWUP";

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ListStore lists;

    public FollowUps(DynamoDbClient dynamoDb, String table, ListStore lists) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.lists = lists;
    }

    /** How far the derived pages are: each list's front path, done or still queued. */
    public record Status(boolean complete, List<String> done, List<String> queued) {
        public Status {
            done = List.copyOf(done);
            queued = List.copyOf(queued);
        }
    }

    /** A list the story changed, and the revision its pages must show. */
    public record ListTarget(ListName list, long revision) {}

    /** Records, before the task is queued, that the change at {@code version} must be followed in these lists. */
    public void queued(Slug slug, long version, List<ListName> expected) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":version", AttributeValue.fromN(Long.toString(version)));
        values.put(":lists", AttributeValue.fromL(expected.stream().map(list -> target(new ListTarget(list, Long.MAX_VALUE))).toList()));
        // an older publish's follow-up landing late must not hide a newer one's lists
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(slug))
                    .updateExpression("SET queued = :version, lists = :lists")
                    .conditionExpression("attribute_not_exists(queued) OR queued <= :version")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException newerQueued) {
            // the newer change's record stands
        }
    }

    /** Records that the story's state at {@code version} is followed: its lists changed up to these revisions. */
    public void followed(Slug slug, long version, List<ListTarget> targets) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":version", AttributeValue.fromN(Long.toString(version)));
        values.put(":lists", AttributeValue.fromL(targets.stream().map(FollowUps::target).toList()));
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(slug))
                    .updateExpression("SET followed = :version, lists = :lists")
                    .conditionExpression("attribute_not_exists(followed) OR followed <= :version")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException newerFollowed) {
            // a newer state was followed already
        }
    }

    /** Where the story's derived pages stand; complete when nothing was ever queued. */
    public Status status(Slug slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true).key(key(slug))).item();
        if (item == null || item.isEmpty()) {
            return new Status(true, List.of(), List.of());
        }
        long queued = number(item.get("queued"));
        long followed = number(item.get("followed"));
        List<String> done = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (AttributeValue value : item.getOrDefault("lists", AttributeValue.fromL(List.of())).l()) {
            ListTarget target = target(value);
            boolean rendered = followed >= queued && lists.head(target.list()).rendered(target.revision());
            (rendered ? done : waiting).add(target.list().frontPath());
        }
        return new Status(waiting.isEmpty() && followed >= queued, done, waiting);
    }

    private static AttributeValue target(ListTarget target) {
        ListName list = target.list();
        return AttributeValue.fromM(Map.of(
                "key", AttributeValue.fromS(list.key()),
                "title", AttributeValue.fromS(list.title()),
                "kind", AttributeValue.fromS(list.kind().name()),
                "segment", AttributeValue.fromS(list.segment()),
                "revision", AttributeValue.fromN(Long.toString(target.revision()))));
    }

    private static ListTarget target(AttributeValue value) {
        Map<String, AttributeValue> map = value.m();
        return new ListTarget(new ListName(map.get("key").s(), map.get("title").s(), ListName.Kind.valueOf(map.get("kind").s()),
                map.get("segment").s()), Long.parseLong(map.get("revision").n()));
    }

    private static long number(AttributeValue value) {
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private static Map<String, AttributeValue> key(Slug slug) {
        return new HashMap<>(Map.of("pk", AttributeValue.fromS("ARTICLE#" + slug.value()), "sk", AttributeValue.fromS(SORT_KEY)));
    }
}
