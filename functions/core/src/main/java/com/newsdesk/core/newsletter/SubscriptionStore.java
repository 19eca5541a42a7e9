package com.newsdesk.core.newsletter;

import com.newsdesk.core.comment.EmailAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Newsletter subscriptions in the one table: {@code pk = SUBSCRIBER#<sha256 of e-mail>}, {@code sk = NEWSLETTER};
 * each confirmation link as {@code pk = NEWSLETTER-CONFIRM#<sha256 of token>}, {@code sk = CONFIRM}, expiring with
 * its link. Only hashes of the links' tokens are stored: a leaked table confirms nobody.
 */
public final class SubscriptionStore {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public SubscriptionStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public boolean isConfirmed(String subscriber) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(subscriptionKey(subscriber))
                .consistentRead(true)).item();
        return item != null && "confirmed".equals(Optional.ofNullable(item.get("status")).map(AttributeValue::s).orElse(null));
    }

    /**
     * Records a pending subscription and its confirmation link. A subscription confirmed meanwhile stays confirmed
     * (the condition), and the link is stored either way: following it changes nothing then.
     */
    public void savePending(String subscriber, EmailAddress email, String tokenHash, Instant now, Instant linkExpires, String clientHash) {
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(Map.of(
                            "pk", s(subscriptionPartition(subscriber)), "sk", s("NEWSLETTER"),
                            "email", s(email.address()),
                            "status", s("pending"),
                            "requestedAt", s(now.toString()),
                            "clientHash", s(clientHash)))
                    .conditionExpression("attribute_not_exists(pk) OR #status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":pending", s("pending"))));
        } catch (ConditionalCheckFailedException e) {
            // confirmed by a concurrent request: nothing to do
        }
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                "pk", s(linkPartition(tokenHash)), "sk", s("CONFIRM"),
                "subscriber", s(subscriber),
                "expiresAt", AttributeValue.fromN(Long.toString(linkExpires.getEpochSecond())))));
    }

    /** Confirms the subscription the link belongs to; false if there is no such link or it has expired. */
    public boolean confirm(String tokenHash, Instant now) {
        Map<String, AttributeValue> link = dynamoDb.getItem(get -> get.tableName(table)
                .key(Map.of("pk", s(linkPartition(tokenHash)), "sk", s("CONFIRM"))).consistentRead(true)).item();
        // DynamoDB's TTL sweeps late (and the local server never does): check the expiry here
        if (link == null || link.isEmpty() || Long.parseLong(link.get("expiresAt").n()) < now.getEpochSecond()) {
            return false;
        }
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(subscriptionKey(link.get("subscriber").s()))
                    .updateExpression("SET #status = :confirmed, confirmedAt = if_not_exists(confirmedAt, :now)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":confirmed", s("confirmed"), ":now", s(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static String subscriptionPartition(String subscriber) {
        return "SUBSCRIBER#" + subscriber;
    }

    private static String linkPartition(String tokenHash) {
        return "NEWSLETTER-CONFIRM#" + tokenHash;
    }

    private static Map<String, AttributeValue> subscriptionKey(String subscriber) {
        return Map.of("pk", s(subscriptionPartition(subscriber)), "sk", s("NEWSLETTER"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
