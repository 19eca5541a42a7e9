package com.newsdesk.core.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
 * so a renderer that read a list before a change sees the revision differ afterwards and renders again. The head
 * also keeps what the list's pages have not shown yet: the positions changed since the last render, and the
 * revision that render was made from, so that the render worker renders each list from its newest state once for
 * a burst of changes, and a render lost to a fault is found and done again.
 */
public final class ListStore implements ListReader {
    private static final String HEAD = "HEAD";
    private static final String ENTRY_PREFIX = "E#";
    private static final String MEMBERSHIP_PREFIX = "IN#";
    /** One item per list ({@code pk = LISTS, sk = <key>}): the site's lists, without a scan. */
    private static final String REGISTER = "LISTS";
    private static final String RENDERED_REVISION = "renderedRevision";
    private static final String UNRENDERED = "unrenderedSeqs";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ListStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * The state of a list: the newest sequence number, the revision that changes with every change, the revision
     * its pages were last rendered from, and the positions changed since then.
     */
    public record Head(long lastSeq, long revision, long renderedRevision, Set<Long> unrenderedSeqs) {
        public Head {
            unrenderedSeqs = Set.copyOf(unrenderedSeqs);
        }

        /** A list whose pages are rendered with every change, as a whole-site rebuild renders them. */
        public Head(long lastSeq, long revision) {
            this(lastSeq, revision, revision, Set.of());
        }

        public boolean rendered(long atLeast) {
            return renderedRevision >= atLeast;
        }
    }

    /** What an upsert did to a list, at which position, and the list's revision after it. */
    public record Change(ListName list, long seq, Kind kind, long revision) {
        public enum Kind { ADDED, UPDATED, REMOVED, UNCHANGED }
    }

    public Head head(ListName list) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(key(list.partitionKey(), HEAD))).item();
        if (item == null || item.isEmpty()) {
            return new Head(0, 0, 0, Set.of());
        }
        AttributeValue unrendered = item.get(UNRENDERED);
        return new Head(number(item, "lastSeq"), number(item, "revision"), number(item, RENDERED_REVISION),
                unrendered == null ? Set.of() : unrendered.ns().stream().map(Long::parseLong).collect(Collectors.toSet()));
    }

    /**
     * Records that the list's pages show its state at {@code revision}, and that the positions {@code seqs} no
     * longer wait to be rendered; false, and nothing changed, if the list moved past {@code revision} meanwhile.
     */
    public boolean markRendered(ListName list, long revision, Set<Long> seqs) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":revision", AttributeValue.fromN(Long.toString(revision)));
        String update = "SET " + RENDERED_REVISION + " = :revision";
        if (!seqs.isEmpty()) {
            update += " DELETE " + UNRENDERED + " :seqs";
            values.put(":seqs", numbers(seqs));
        }
        String expression = update;
        try {
            dynamoDb.updateItem(u -> u.tableName(table).key(key(list.partitionKey(), HEAD)).updateExpression(expression)
                    .conditionExpression("revision = :revision").expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
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
                return new Change(list, seq, Change.Kind.UNCHANGED, head(list).revision());
            }
            putEntry(list, story.withSeq(seq));
            return new Change(list, seq, Change.Kind.UPDATED, bumpRevision(list, seq));
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
            return new Change(list, membership(list, story.slug()).orElse(seq), Change.Kind.UNCHANGED, head(list).revision());
        }
        putEntry(list, story.withSeq(seq));
        if (seq == 1) {
            register(list);
        }
        return new Change(list, seq, Change.Kind.ADDED, bumpRevision(list, seq));
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
        register(list);
    }

    /**
     * Takes the story out of the list, leaving a gap so no other story moves to another page. The story stays a
     * member (in {@link #listsOf}) until {@link #forget}, which the caller does once the list's pages show the
     * removal: a removal interrupted before that is found, and finished, by the next one.
     */
    public Optional<Change> remove(ListName list, String slug) {
        return membership(list, slug).map(seq -> {
            dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(list.partitionKey(), entryKey(seq))));
            return new Change(list, seq, Change.Kind.REMOVED, bumpRevision(list, seq));
        });
    }

    /** Ends a removal: the story is no longer a member of the list. */
    public void forget(ListName list, String slug) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(articleKey(slug), MEMBERSHIP_PREFIX + list.key())));
    }

    /** Adds the list to those {@link #all} names; lists made before the register existed join it on a site re-render. */
    public void register(ListName list) {
        Map<String, AttributeValue> item = key(REGISTER, list.key());
        item.put("kind", AttributeValue.fromS(list.kind().name()));
        item.put("segment", AttributeValue.fromS(list.segment()));
        item.put("title", AttributeValue.fromS(list.title()));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    /** Every list of the site, for re-rendering all their pages. */
    public List<ListName> all() {
        return queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(REGISTER)))
                .build(), Integer.MAX_VALUE).stream().map(ListStore::listName).toList();
    }

    /** Every list the story is in now. */
    public List<ListName> listsOf(String slug) {
        List<ListName> lists = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(articleKey(slug)),
                        ":prefix", AttributeValue.fromS(MEMBERSHIP_PREFIX))).build(), Integer.MAX_VALUE)) {
            lists.add(listName(item));
        }
        return lists;
    }

    /** A list as a membership or register item names it: its key after the sort key's prefix, if any. */
    private static ListName listName(Map<String, AttributeValue> item) {
        String sortKey = item.get("sk").s();
        String key = sortKey.startsWith(MEMBERSHIP_PREFIX) ? sortKey.substring(MEMBERSHIP_PREFIX.length()) : sortKey;
        return new ListName(key, item.get("title").s(), ListName.Kind.valueOf(item.get("kind").s()), item.get("segment").s());
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

    /** Moves the revision and marks the position as waiting for a render, in one write; returns the new revision. */
    private long bumpRevision(ListName list, long seq) {
        return Long.parseLong(dynamoDb.updateItem(update -> update.tableName(table).key(key(list.partitionKey(), HEAD))
                .updateExpression("ADD revision :one, " + UNRENDERED + " :seq")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"), ":seq", numbers(Set.of(seq))))
                .returnValues("UPDATED_NEW")).attributes().get("revision").n());
    }

    private static AttributeValue numbers(Set<Long> values) {
        return AttributeValue.fromNs(values.stream().map(String::valueOf).toList());
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
