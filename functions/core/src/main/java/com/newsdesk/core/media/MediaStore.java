package com.newsdesk.core.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Media items in the article table: {@code pk=MEDIA#<id>, sk=MEDIA}, and in the {@code byStatus} index under
 * {@code gsi1pk=MEDIA}, {@code gsi1sk=<createdAt>#<id>}, which is the library, newest first. An item is written
 * when its upload is signed and changed once, when the upload is processed (ready or refused); a replacement
 * changes its variants again.
 *
 * <p>Beside it, {@code sk=USEDBY#<slug>} records that a version of the article ({@code claimedVersion}) names the
 * photo, and the item's {@code useVersion} counts such claims, so that a delete which read no use can tell that one
 * arrived meanwhile (dynalite has no transactions, so these are single conditional writes, ordered: see
 * {@link MediaUses}).
 */
public final class MediaStore {
    private static final String PARTITION_PREFIX = "MEDIA#";
    private static final String SORT_KEY = "MEDIA";
    private static final String LIBRARY = "MEDIA";
    private static final String INDEX = "byStatus";
    private static final String USE_PREFIX = "USEDBY#";
    /** BatchGetItem's limit of keys per request. */
    private static final int BATCH = 100;
    private static final TypeReference<List<Variant>> VARIANTS = new TypeReference<>() {};

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final ObjectMapper json;

    public MediaStore(DynamoDbClient dynamoDb, String table, ObjectMapper json) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.json = json;
    }

    /** One page of the library, newest first, and the {@code gsi1sk} to continue after (null on the last page). */
    public record Page(List<MediaItem> items, String continueAfter) {}

    /** A record that version {@code claimedVersion} of the article {@code slug} names the photo. */
    record Use(String slug, long claimedVersion) {}

    void create(MediaItem item) {
        Map<String, AttributeValue> attributes = new HashMap<>(key(item.id()));
        attributes.put("gsi1pk", AttributeValue.fromS(LIBRARY));
        attributes.put("gsi1sk", AttributeValue.fromS(item.createdAt() + "#" + item.id()));
        attributes.put("status", AttributeValue.fromS(item.status().wireName()));
        attributes.put("declaredType", AttributeValue.fromS(item.declaredType()));
        attributes.put("uploadedBy", AttributeValue.fromS(item.uploadedBy()));
        attributes.put("createdAt", AttributeValue.fromS(item.createdAt().toString()));
        dynamoDb.putItem(put -> put.tableName(table).item(attributes).conditionExpression("attribute_not_exists(pk)"));
    }

    public Optional<MediaItem> find(MediaId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toItem(item));
    }

    /** The items of {@code ids} that exist, read consistently in one request per hundred. */
    public Map<MediaId, MediaItem> findAll(Collection<MediaId> ids) {
        List<MediaId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<MediaId, MediaItem> found = new HashMap<>();
        for (int start = 0; start < distinct.size(); start += BATCH) {
            List<Map<String, AttributeValue>> keys = distinct.subList(start, Math.min(distinct.size(), start + BATCH)).stream()
                    .map(MediaStore::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(batch -> batch.requestItems(asked));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    MediaItem media = toItem(item);
                    found.put(media.id(), media);
                });
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    /** The item and its {@code useVersion}, which a delete names as its condition. */
    Optional<Map.Entry<MediaItem, Long>> findWithUseVersion(MediaId id) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key(id)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(toItem(item), item.containsKey("useVersion") ? Long.parseLong(item.get("useVersion").n()) : 0L));
    }

    void recordUse(MediaId id, String slug, long claimedVersion) {
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS(PARTITION_PREFIX + id.value()),
                "sk", AttributeValue.fromS(USE_PREFIX + slug),
                "claimedVersion", AttributeValue.fromN(Long.toString(claimedVersion)))));
    }

    /** Counts a claim on a ready photo; false if there is none (deleted, or never ready). */
    boolean countUse(MediaId id) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(id))
                    .updateExpression("ADD useVersion :one")
                    .conditionExpression("#status = :ready")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":ready", AttributeValue.fromS(MediaStatus.READY.wireName()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    List<Use> uses(MediaId id) {
        List<Use> uses = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            QueryResponse response = dynamoDb.query(query -> query.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :use)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION_PREFIX + id.value()),
                            ":use", AttributeValue.fromS(USE_PREFIX)))
                    .exclusiveStartKey(after));
            response.items().forEach(item -> uses.add(new Use(item.get("sk").s().substring(USE_PREFIX.length()),
                    Long.parseLong(item.get("claimedVersion").n()))));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return uses;
    }

    /** Removes a use record if it is still {@code use} (not claimed again by a newer save). */
    void forgetUse(MediaId id, Use use) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(PARTITION_PREFIX + id.value()), "sk", AttributeValue.fromS(USE_PREFIX + use.slug())))
                    .conditionExpression("claimedVersion = :claimed")
                    .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromN(Long.toString(use.claimedVersion())))));
        } catch (ConditionalCheckFailedException e) {
            // claimed again meanwhile: the newer claim stands
        }
    }

    /** Deletes the item if no use was counted since {@code useVersion} was read; false otherwise. */
    boolean delete(MediaId id, long useVersion) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(id))
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(useVersion) OR useVersion = :read)")
                    .expressionAttributeValues(Map.of(":read", AttributeValue.fromN(Long.toString(useVersion)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Records the key a replacement file will arrive under; false if the photo is not ready. */
    boolean awaitReplacement(MediaId id, String uploadKey) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(id))
                    .updateExpression("SET replacementKey = :key")
                    .conditionExpression("#status = :ready")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":key", AttributeValue.fromS(uploadKey),
                            ":ready", AttributeValue.fromS(MediaStatus.READY.wireName()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * The replacement's variants take the old ones' place, once: only while {@code uploadKey} is still the awaited
     * replacement. False if it no longer is (an event delivered twice, or a newer replacement signed meanwhile).
     */
    boolean replaced(MediaId id, String uploadKey, Renditions.Rendered rendered, List<Variant> variants, Instant at) {
        return settleReplacement(id, uploadKey, "SET #format = :format, width = :width, height = :height, variants = :variants,"
                + " processedAt = :at REMOVE replacementKey, refusal", Map.of(
                ":format", AttributeValue.fromS(rendered.format()),
                ":width", AttributeValue.fromN(Integer.toString(rendered.width())),
                ":height", AttributeValue.fromN(Integer.toString(rendered.height())),
                ":variants", AttributeValue.fromS(write(variants)),
                ":at", AttributeValue.fromS(at.toString())), Map.of("#format", "format"));
    }

    /** A refused replacement leaves the photo as it was, with the reason recorded. */
    boolean replacementRefused(MediaId id, String uploadKey, String reason) {
        return settleReplacement(id, uploadKey, "SET refusal = :refusal REMOVE replacementKey",
                Map.of(":refusal", AttributeValue.fromS(reason)), Map.of());
    }

    private boolean settleReplacement(MediaId id, String uploadKey, String update, Map<String, AttributeValue> values,
                                      Map<String, String> names) {
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":key", AttributeValue.fromS(uploadKey));
        try {
            dynamoDb.updateItem(request -> {
                request.tableName(table).key(key(id)).updateExpression(update)
                        .conditionExpression("replacementKey = :key").expressionAttributeValues(allValues);
                if (!names.isEmpty()) {
                    request.expressionAttributeNames(names);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Records what processing made, once: only an item still awaiting its upload changes, so an S3 event delivered
     * twice cannot overwrite an outcome. False if the item had already been processed.
     */
    boolean ready(MediaId id, Renditions.Rendered rendered, List<Variant> variants, Instant at) {
        return settle(id, MediaStatus.READY, at, "#format = :format, width = :width, height = :height, variants = :variants", Map.of(
                ":format", AttributeValue.fromS(rendered.format()),
                ":width", AttributeValue.fromN(Integer.toString(rendered.width())),
                ":height", AttributeValue.fromN(Integer.toString(rendered.height())),
                ":variants", AttributeValue.fromS(write(variants))), Map.of("#format", "format"));
    }

    /** Records why the upload was refused, once, as {@link #ready}. */
    boolean refused(MediaId id, String reason, Instant at) {
        return settle(id, MediaStatus.REFUSED, at, "refusal = :refusal", Map.of(":refusal", AttributeValue.fromS(reason)), Map.of());
    }

    private boolean settle(MediaId id, MediaStatus status, Instant at, String set, Map<String, AttributeValue> values,
                           Map<String, String> names) {
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":status", AttributeValue.fromS(status.wireName()));
        allValues.put(":awaiting", AttributeValue.fromS(MediaStatus.AWAITING_UPLOAD.wireName()));
        allValues.put(":at", AttributeValue.fromS(at.toString()));
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#status", "status");
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(key(id))
                    .updateExpression("SET #status = :status, processedAt = :at, " + set)
                    .conditionExpression("#status = :awaiting")
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Up to {@code limit} items, newest first, after {@code continueAfter} (a previous page's) if given. */
    Page library(int limit, Optional<MediaId> after, Optional<String> afterSortKey) {
        QueryResponse response = dynamoDb.query(query -> {
            query.tableName(table).indexName(INDEX).scanIndexForward(false).limit(limit)
                    .keyConditionExpression("gsi1pk = :library")
                    .expressionAttributeValues(Map.of(":library", AttributeValue.fromS(LIBRARY)));
            if (after.isPresent() && afterSortKey.isPresent()) {
                Map<String, AttributeValue> start = new HashMap<>(key(after.get()));
                start.put("gsi1pk", AttributeValue.fromS(LIBRARY));
                start.put("gsi1sk", AttributeValue.fromS(afterSortKey.get()));
                query.exclusiveStartKey(start);
            }
        });
        List<MediaItem> items = new ArrayList<>();
        response.items().forEach(item -> items.add(toItem(item)));
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get("gsi1sk").s() : null;
        return new Page(items, next);
    }

    private MediaItem toItem(Map<String, AttributeValue> item) {
        return new MediaItem(
                new MediaId(item.get("pk").s().substring(PARTITION_PREFIX.length())),
                MediaStatus.fromWire(item.get("status").s()),
                item.get("declaredType").s(),
                item.get("uploadedBy").s(),
                Instant.parse(item.get("createdAt").s()),
                item.containsKey("processedAt") ? Instant.parse(item.get("processedAt").s()) : null,
                item.containsKey("format") ? item.get("format").s() : null,
                item.containsKey("width") ? Integer.parseInt(item.get("width").n()) : 0,
                item.containsKey("height") ? Integer.parseInt(item.get("height").n()) : 0,
                item.containsKey("refusal") ? item.get("refusal").s() : null,
                item.containsKey("variants") ? read(item.get("variants").s()) : List.of(),
                item.containsKey("replacementKey") ? item.get("replacementKey").s() : null);
    }

    private String write(List<Variant> variants) {
        try {
            return json.writeValueAsString(variants);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Variant> read(String variants) {
        try {
            return json.readValue(variants, VARIANTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable variants of a media item", e);
        }
    }

    private static Map<String, AttributeValue> key(MediaId id) {
        return Map.of("pk", AttributeValue.fromS(PARTITION_PREFIX + id.value()), "sk", AttributeValue.fromS(SORT_KEY));
    }
}
