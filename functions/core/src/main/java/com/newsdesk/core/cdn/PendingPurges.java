package com.newsdesk.core.cdn;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Purges the CDN did not take, one item each ({@code pk=CDN#PENDING}, {@code sk=<reference>}), until one is sent.
 * A week later a purge is moot (pages are re-rendered, browsers revalidate), so the item expires.
 */
public final class PendingPurges {
    private static final String PK = "CDN#PENDING";
    private static final Duration KEEP = Duration.ofDays(7);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public PendingPurges(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    public void remember(Purge purge) {
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS(PK),
                "sk", AttributeValue.fromS(purge.reference()),
                "items", AttributeValue.fromL(purge.items().stream().map(AttributeValue::fromS).toList()),
                "expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP).getEpochSecond())))));
    }

    /** Oldest first; expired ones are skipped, as dynalite keeps them. */
    public List<Purge> all() {
        List<Purge> pending = new ArrayList<>();
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamoDb.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PK)))
                    .exclusiveStartKey(from).build());
            for (Map<String, AttributeValue> item : page.items()) {
                if (Long.parseLong(item.get("expiresAt").n()) > now) {
                    pending.add(new Purge(item.get("sk").s(), item.get("items").l().stream().map(AttributeValue::s).toList()));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return pending;
    }

    public void forget(Purge purge) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS(PK), "sk", AttributeValue.fromS(purge.reference()))));
    }
}
