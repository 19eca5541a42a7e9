package com.newsdesk.core.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Media items in the article table: {@code pk=MEDIA#<id>, sk=MEDIA}, and in the {@code byStatus} index under
 * {@code gsi1pk=MEDIA}, {@code gsi1sk=<createdAt>#<id>}, which is the library, newest first. An item is written
 * when its upload is signed and changed once, when the upload is processed (ready or refused).
 */
public final class MediaStore {
    private static final String PARTITION_PREFIX = "MEDIA#";
    private static final String SORT_KEY = "MEDIA";
    private static final String LIBRARY = "MEDIA";
    private static final String INDEX = "byStatus";
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
                item.containsKey("variants") ? read(item.get("variants").s()) : List.of());
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
