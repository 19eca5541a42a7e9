package com.newsdesk.core.newsletter;

import com.newsdesk.core.mailbox.EmailAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Newsletter subscriptions in the one table: {@code pk = SUBSCRIBER#<sha256 of e-mail>}, {@code sk = NEWSLETTER}.
 * Their confirmation links are {@link com.newsdesk.core.mailbox.ConfirmationLinks} under {@code NEWSLETTER-CONFIRM#}.
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

    /** Records a pending subscription; one confirmed meanwhile stays confirmed (the condition). */
    public void savePending(String subscriber, EmailAddress email, Instant now, String clientHash) {
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
    }

    /** Confirms a subscription; false if there is none (a link outlived what it confirms). */
    public boolean confirm(String subscriber, Instant now) {
        try {
            dynamoDb.updateItem(update -> update.tableName(table).key(subscriptionKey(subscriber))
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

    private static Map<String, AttributeValue> subscriptionKey(String subscriber) {
        return Map.of("pk", s(subscriptionPartition(subscriber)), "sk", s("NEWSLETTER"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
