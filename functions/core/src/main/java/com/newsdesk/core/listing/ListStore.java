package com.newsdesk.core.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The site's article lists in DynamoDB, one partition per list ({@code pk = LIST#<key>}): a head item with the
 * last sequence number handed out and a revision that changes with every change to the list, and one entry per
 * story ({@code sk = E#<seq>}). Each story also records which lists it is in ({@code pk = ARTICLE#<slug>,
 * sk = IN#<key>}), so it can be found and taken out without a scan. Entries are written before the revision moves,
 * so a renderer that read a list before a change sees the revision differ afterwards and renders again.
 */
public final class ListStore implements ListReader {
    private static final String HEAD = "HEAD";
    private static final String ENTRY_PREFIX = "E#";
    private static final String MEMBERSHIP_PREFIX = "IN#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ListStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** The state of a list: the newest sequence number and the revision a render was made from. */
    public record Head(long lastSeq, long revision) {}

    /** What an upsert did to a list, and at which position. */
    public record Change(ListName list, long seq, Kind kind) {
        public enum Kind { ADDED, UPDATED, REMOVED, UNCHANGED }
    }

    public Head head(ListName list) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(key(list.partitionKey(), HEAD))).item();
        if (item == null || item.isEmpty()) {
            return new Head(0, 0);
        }
        return new Head(number(item, "lastSeq"), number(item, "revision"));
    }

    /**
     * Puts the story into the list, or refreshes its entry in place; an unchanged entry writes nothing. A member
     * without an entry (an add interrupted, or a removal never finished) gets its entry at its place.
     */
    public Change upsert(ListName list, ListEntry story) {
        Optional<Long> existing = membership(list, story.slug());
        if (existing.isPresent()) {
            long seq = existing.get();
            Map<String, AttributeValue> stored = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                    .key(key(list.partitionKey(), entryKey(seq)))).item();
            if (stored != null && !stored.isEmpty() && toEntry(stored).equals(story.withSeq(seq))) {
                return new Change(list, seq, Change.Kind.UNCHANGED);
            }
            putEntry(list, story.withSeq(seq));
            bumpRevision(list);
            return new Change(list, seq, Change.Kind.UPDATED);
        }
        long seq = Long.parseLong(dynamoDb.updateItem(update -> update.tableName(table)
                .key(key(list.partitionKey(), HEAD))
                .updateExpression("ADD lastSeq :one SET title = :title")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":title", AttributeValue.fromS(list.title())))
                .returnValues("UPDATED_NEW")).attributes().get("lastSeq").n());
        // membership first: a publish interrupted before the entry is written finds it, and writes the entry there,
        // instead of adding the story a second time
        Map<String, AttributeValue> membership = membershipItem(list, story.slug(), seq);
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(membership).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            // the same story was added by a concurrent publish: its place is the story's, ours stays a gap
            return new Change(list, membership(list, story.slug()).orElse(seq), Change.Kind.UNCHANGED);
        }
        putEntry(list, story.withSeq(seq));
        bumpRevision(list);
        return new Change(list, seq, Change.Kind.ADDED);
    }

    /**
     * Appends stories that are in no list yet, oldest first, in batches: for importing an archive, where one
     * upsert per story would cost five round trips each. Not for concurrent use with publishes to the same list.
     */
    public void appendAll(ListName list, List<ListEntry> stories) {
        long first = head(list).lastSeq() + 1;
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            ListEntry story = stories.get(i).withSeq(first + i);
            writes.add(WriteRequest.builder().putRequest(p -> p.item(entryItem(list, story))).build());
            writes.add(WriteRequest.builder().putRequest(p -> p.item(membershipItem(list, story.slug(), story.seq()))).build());
        }
        for (int from = 0; from < writes.size(); from += 25) {
            Map<String, List<WriteRequest>> batch = Map.of(table, writes.subList(from, Math.min(writes.size(), from + 25)));
            while (!batch.isEmpty()) {
                batch = dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(batch).build()).unprocessedItems();
            }
        }
        dynamoDb.updateItem(update -> update.tableName(table).key(key(list.partitionKey(), HEAD))
                .updateExpression("ADD lastSeq :count, revision :one SET title = :title")
                .expressionAttributeValues(Map.of(":count", AttributeValue.fromN(Integer.toString(stories.size())),
                        ":one", AttributeValue.fromN("1"), ":title", AttributeValue.fromS(list.title()))));
    }

    /**
     * Takes the story out of the list, leaving a gap so no other story moves to another page. The story stays a
     * member (in {@link #listsOf}) until {@link #forget}, which the caller does once the list's pages show the
     * removal: a removal interrupted before that is found, and finished, by the next one.
     */
    public Optional<Change> remove(ListName list, String slug) {
        Optional<Long> existing = membership(list, slug);
        existing.ifPresent(seq -> {
            dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(list.partitionKey(), entryKey(seq))));
            bumpRevision(list);
        });
        return existing.map(seq -> new Change(list, seq, Change.Kind.REMOVED));
    }

    /** Ends a removal: the story is no longer a member of the list. */
    public void forget(ListName list, String slug) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(articleKey(slug), MEMBERSHIP_PREFIX + list.key())));
    }

    /** Every list the story is in now. */
    public List<ListName> listsOf(String slug) {
        List<ListName> lists = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(articleKey(slug)),
                        ":prefix", AttributeValue.fromS(MEMBERSHIP_PREFIX))).build(), Integer.MAX_VALUE)) {
            String key = item.get("sk").s().substring(MEMBERSHIP_PREFIX.length());
            lists.add(new ListName(key, item.get("title").s(), ListName.Kind.valueOf(item.get("kind").s()), item.get("segment").s()));
        }
        return lists;
    }

    /** The newest {@code count} stories, newest first. */
    public List<ListEntry> newest(ListName list, int count) {
        return entries(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(list.partitionKey()),
                        ":prefix", AttributeValue.fromS(ENTRY_PREFIX)))
                .scanIndexForward(false).limit(count).build(), count);
    }

    /** Stories with {@code from <= seq <= to}, newest first. */
    public List<ListEntry> range(ListName list, long from, long to) {
        return entries(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(list.partitionKey()),
                        ":from", AttributeValue.fromS(entryKey(from)), ":to", AttributeValue.fromS(entryKey(to))))
                .scanIndexForward(false).build(), Integer.MAX_VALUE);
    }

    private List<ListEntry> entries(QueryRequest request, int max) {
        return queryAll(request, max).stream().map(ListStore::toEntry).toList();
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest request, int max) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(start == null ? request : request.toBuilder().exclusiveStartKey(start).build());
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < max);
        return items.size() > max ? items.subList(0, max) : items;
    }

    private Optional<Long> membership(ListName list, String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(key(articleKey(slug), MEMBERSHIP_PREFIX + list.key()))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(number(item, "seq"));
    }

    private void putEntry(ListName list, ListEntry entry) {
        dynamoDb.putItem(put -> put.tableName(table).item(entryItem(list, entry)));
    }

    private Map<String, AttributeValue> membershipItem(ListName list, String slug, long seq) {
        Map<String, AttributeValue> membership = key(articleKey(slug), MEMBERSHIP_PREFIX + list.key());
        membership.put("seq", AttributeValue.fromN(Long.toString(seq)));
        membership.put("kind", AttributeValue.fromS(list.kind().name()));
        membership.put("segment", AttributeValue.fromS(list.segment()));
        membership.put("title", AttributeValue.fromS(list.title()));
        return membership;
    }

    private static Map<String, AttributeValue> entryItem(ListName list, ListEntry entry) {
        Map<String, AttributeValue> item = key(list.partitionKey(), entryKey(entry.seq()));
        item.put("seq", AttributeValue.fromN(Long.toString(entry.seq())));
        item.put("slug", AttributeValue.fromS(entry.slug()));
        item.put("headline", AttributeValue.fromS(entry.headline()));
        putIfPresent(item, "dek", entry.dek());
        item.put("path", AttributeValue.fromS(entry.path()));
        item.put("publishedAt", AttributeValue.fromS(entry.publishedAt().toString()));
        item.put("modifiedAt", AttributeValue.fromS(entry.modifiedAt().toString()));
        item.put("byline", AttributeValue.fromS(entry.byline()));
        item.put("sectionName", AttributeValue.fromS(entry.sectionName()));
        item.put("tags", AttributeValue.fromL(entry.tags().stream().map(AttributeValue::fromS).toList()));
        item.put("language", AttributeValue.fromS(entry.language()));
        putIfPresent(item, "imageSrc", entry.imageSrc());
        putIfPresent(item, "imageAlt", entry.imageAlt());
        return item;
    }

    private void bumpRevision(ListName list) {
        dynamoDb.updateItem(update -> update.tableName(table).key(key(list.partitionKey(), HEAD))
                .updateExpression("ADD revision :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    private static ListEntry toEntry(Map<String, AttributeValue> item) {
        return new ListEntry(number(item, "seq"), item.get("slug").s(), item.get("headline").s(), text(item, "dek"),
                item.get("path").s(), Instant.parse(item.get("publishedAt").s()), Instant.parse(item.get("modifiedAt").s()),
                item.get("byline").s(), item.get("sectionName").s(),
                item.get("tags").l().stream().map(AttributeValue::s).toList(), item.get("language").s(),
                text(item, "imageSrc"), text(item, "imageAlt"));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    private static String entryKey(long seq) {
        return ENTRY_PREFIX + String.format("%012d", seq);
    }

    private static String articleKey(String slug) {
        return "ARTICLE#" + slug;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", AttributeValue.fromS(pk));
        key.put("sk", AttributeValue.fromS(sk));
        return key;
    }

}
