package com.newsdesk.core.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Fixed-window limits per client on public routes: one atomic DynamoDB counter per client, action and window
 * ({@code ADD}, so concurrent requests never lose a count). Counters carry {@code expiresAt} for DynamoDB's TTL to
 * sweep. Clients are known only by a salted hash of their address; the address itself is never stored.
 */
public final class RateLimiter {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String salt;
    private final Clock clock;

    public RateLimiter(DynamoDbClient dynamoDb, String table, String salt, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.salt = salt;
        this.clock = clock;
    }

    /** A limit: at most {@code requests} per {@code window} for one client and action. */
    public record Limit(String action, int requests, Duration window) {}

    /** Counts one request; throws {@link TooManyRequests} once the client is over the limit for this window. */
    public void acquire(Limit limit, String clientAddress) {
        long retryAfter = count(limit, clientHash(clientAddress));
        if (retryAfter > 0) {
            throw new TooManyRequests(retryAfter);
        }
    }

    /** Counts one request against a ceiling for all clients together. */
    public void acquireSiteWide(Limit limit) {
        long retryAfter = count(limit, "site");
        if (retryAfter > 0) {
            throw TooManyRequests.siteWide(retryAfter);
        }
    }

    /** Adds one to the window's counter; the seconds until the window ends if it is now over the limit, else 0. */
    private long count(Limit limit, String counted) {
        long now = clock.millis();
        long windowMillis = limit.window().toMillis();
        long windowStart = now - now % windowMillis;
        String key = "RATE#" + limit.action() + "#" + counted + "#" + windowStart;
        long expiresAt = (windowStart + windowMillis) / 1000 + 60;
        var response = dynamoDb.updateItem(update -> update.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromS("RATE")))
                .updateExpression("ADD hits :one SET expiresAt = :expires")
                .expressionAttributeValues(Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":expires", AttributeValue.fromN(Long.toString(expiresAt))))
                .returnValues("UPDATED_NEW"));
        long hits = Long.parseLong(response.attributes().get("hits").n());
        return hits > limit.requests() ? Math.max(1, (windowStart + windowMillis - now + 999) / 1000) : 0;
    }

    /**
     * The salted SHA-256 of a client address: stable enough to count and compare, useless to recover the address. An
     * IPv6 address counts as its /64, which one host commonly owns whole ({@link ClientAddress}).
     */
    public String clientHash(String clientAddress) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(ClientAddress.counted(clientAddress).getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
