package com.newsdesk.core.mailbox;

import com.newsdesk.core.mailbox.Sha256;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Links that prove a reader reads a mailbox: 256 random bits mailed in a link, of which only a hash is stored
 * ({@code pk = <prefix><sha256 of token>}, {@code sk = CONFIRM}), with what the link confirms and an expiry that
 * DynamoDB's TTL sweeps. A leaked table confirms nobody. The newsletter's double opt-in and commenters who want
 * their comments published directly both use them, each under its own key prefix.
 */
public final class ConfirmationLinks {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SORT_KEY = "CONFIRM";
    private static final int MAX_TOKEN_LENGTH = 100;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String partitionPrefix;
    private final Duration lifetime;

    public ConfirmationLinks(DynamoDbClient dynamoDb, String table, String partitionPrefix, Duration lifetime) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.partitionPrefix = partitionPrefix;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Stores a new link confirming {@code details}; returns its token, the secret part of the link to mail. */
    public String issue(Map<String, String> details, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, AttributeValue> item = new HashMap<>();
        details.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        item.putAll(key(token));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(lifetime).getEpochSecond())));
        dynamoDb.putItem(put -> put.tableName(table).item(item));
        return token;
    }

    /** What a followed link confirms; empty if there is no such link or it has expired. Following it again works. */
    public Optional<Map<String, String>> follow(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).key(key(token)).consistentRead(true)).item();
        // DynamoDB's TTL sweeps late (and the local server never does): check the expiry here
        if (item == null || item.isEmpty() || Long.parseLong(item.get("expiresAt").n()) < now.getEpochSecond()) {
            return Optional.empty();
        }
        Map<String, String> details = new HashMap<>();
        item.forEach((name, value) -> {
            if (value.s() != null && !name.equals("pk") && !name.equals("sk")) {
                details.put(name, value.s());
            }
        });
        return Optional.of(details);
    }

    private Map<String, AttributeValue> key(String token) {
        return Map.of("pk", AttributeValue.fromS(partitionPrefix + Sha256.hex(token)), "sk", AttributeValue.fromS(SORT_KEY));
    }
}
