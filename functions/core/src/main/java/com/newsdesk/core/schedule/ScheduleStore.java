package com.newsdesk.core.schedule;

import com.newsdesk.core.article.Slug;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The schedules, one item per story under one partition ({@code pk = SCHEDULE, sk = <slug>}): a newsroom has tens
 * of stories scheduled at once, not thousands, so listing them all is one small query. Every change made when a
 * timer fires is conditional on the schedule's generation, so a timer of a replaced schedule changes nothing.
 */
public final class ScheduleStore {
    private static final String PARTITION = "SCHEDULE";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ScheduleStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Stores the schedule in place of the story's previous one, which it returns. */
    public Optional<PublishSchedule> replace(PublishSchedule schedule) {
        return read(dynamoDb.putItem(put -> put.tableName(table).item(item(schedule)).returnValues(ReturnValue.ALL_OLD)).attributes());
    }

    /** Removes the story's schedule and returns it. */
    public Optional<PublishSchedule> remove(Slug slug) {
        return read(dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(slug.value())).returnValues(ReturnValue.ALL_OLD)).attributes());
    }

    public Optional<PublishSchedule> find(Slug slug) {
        return read(dynamoDb.getItem(get -> get.tableName(table).key(key(slug.value())).consistentRead(true)).item());
    }

    public List<PublishSchedule> all() {
        List<PublishSchedule> schedules = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION))).build();
        dynamoDb.queryPaginator(query).items().forEach(item -> schedules.add(read(item).orElseThrow()));
        return schedules;
    }

    /** Writes the schedule as it now stands, if it is still the generation that fired; false if it was replaced. */
    boolean update(PublishSchedule schedule) {
        try {
            dynamoDb.putItem(put -> put.tableName(table).item(item(schedule))
                    .conditionExpression("generation = :generation")
                    .expressionAttributeValues(Map.of(":generation", AttributeValue.fromS(schedule.generation()))));
            return true;
        } catch (ConditionalCheckFailedException replaced) {
            return false;
        }
    }

    /** Removes the schedule once all it ordered is done, if it is still the generation that fired. */
    void finished(PublishSchedule schedule) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(table).key(key(schedule.slug().value()))
                    .conditionExpression("generation = :generation")
                    .expressionAttributeValues(Map.of(":generation", AttributeValue.fromS(schedule.generation()))));
        } catch (ConditionalCheckFailedException replaced) {
            // an editor scheduled the story again meanwhile: that schedule stands
        }
    }

    private static Map<String, AttributeValue> item(PublishSchedule schedule) {
        Map<String, AttributeValue> item = key(schedule.slug().value());
        item.put("version", number(schedule.version()));
        item.put("generation", AttributeValue.fromS(schedule.generation()));
        item.put("scheduledAt", number(schedule.scheduledAt().toEpochMilli()));
        schedule.publishAt().ifPresent(at -> item.put("publishAt", number(at.toEpochMilli())));
        schedule.unpublishAt().ifPresent(at -> item.put("unpublishAt", number(at.toEpochMilli())));
        schedule.skipped().ifPresent(reason -> item.put("skipped", AttributeValue.fromS(reason)));
        return item;
    }

    private static Optional<PublishSchedule> read(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PublishSchedule(Slug.of(item.get("sk").s()), Long.parseLong(item.get("version").n()),
                instant(item.get("publishAt")), instant(item.get("unpublishAt")), item.get("generation").s(),
                instant(item.get("scheduledAt")).orElseThrow(),
                Optional.ofNullable(item.get("skipped")).map(AttributeValue::s)));
    }

    private static Optional<Instant> instant(AttributeValue value) {
        return value == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(value.n())));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static Map<String, AttributeValue> key(String slug) {
        return new HashMap<>(Map.of("pk", AttributeValue.fromS(PARTITION), "sk", AttributeValue.fromS(slug)));
    }
}
