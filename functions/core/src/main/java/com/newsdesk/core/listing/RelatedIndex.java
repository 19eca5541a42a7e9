package com.newsdesk.core.listing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which pages show which stories under "You may also like", kept both ways ({@code ARTICLE#<slug> / SHOWS#<other>}
 * and {@code SHOWN_ON#<other> / <slug>}), so that a change to a story re-renders exactly the pages that show it.
 */
public final class RelatedIndex {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public RelatedIndex(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Records that the page of {@code slug} now shows exactly {@code shown}. */
    public void record(String slug, List<String> shown) {
        Set<String> before = new HashSet<>(query("ARTICLE#" + slug, "SHOWS#"));
        Set<String> after = new HashSet<>(shown);
        for (String gone : before) {
            if (!after.contains(gone)) {
                delete("ARTICLE#" + slug, "SHOWS#" + gone);
                delete("SHOWN_ON#" + gone, slug);
            }
        }
        for (String added : after) {
            if (!before.contains(added)) {
                put("SHOWN_ON#" + added, slug);
                put("ARTICLE#" + slug, "SHOWS#" + added);
            }
        }
    }

    /** The stories whose pages show {@code slug}. */
    public List<String> pagesShowing(String slug) {
        return query("SHOWN_ON#" + slug, "");
    }

    private List<String> query(String pk, String prefix) {
        List<String> values = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamoDb.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(prefix)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> values.add(item.get("sk").s().substring(prefix.length())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return values;
    }

    private void put(String pk, String sk) {
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))));
    }

    private void delete(String pk, String sk) {
        dynamoDb.deleteItem(delete -> delete.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))));
    }
}
