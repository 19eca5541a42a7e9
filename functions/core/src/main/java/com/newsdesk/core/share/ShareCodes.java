package com.newsdesk.core.share;

import com.newsdesk.core.article.Slug;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Short-link codes in the article table. Two items per link, each written once by a conditional put:
 * <ul>
 * <li>{@code pk=SHARE#<code>, sk=LINK} holds what the code points at (slug, channel), read on every click;</li>
 * <li>{@code pk=ARTICLE#<slug>, sk=SHARE#<channel>} holds the article's one code for that channel.</li>
 * </ul>
 * The code item is written first: if the second write never happens, an orphan code that nobody was given is all
 * that is left, never a link handed out that leads nowhere. DynamoDB items need no transaction here (dynalite has
 * none either): whoever writes the mapping first owns the channel's code, and a reader who loses the race adopts it.
 */
public final class ShareCodes {
    static final String ARTICLE_PREFIX = "ARTICLE#";
    private static final String CODE_PREFIX = "SHARE#";
    private static final String CODE_SORT_KEY = "LINK";
    private static final String CHANNEL_PREFIX = "SHARE#";
    /** A clash is a one-in-10^14 event per existing code; a handful of draws in a row means the generator is broken. */
    private static final int MAX_DRAWS = 5;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final SecureRandom random;
    private final Clock clock;

    public ShareCodes(DynamoDbClient dynamoDb, String table, SecureRandom random, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.random = random;
        this.clock = clock;
    }

    /** A code and whether this call created it. */
    public record Issued(ShareCode code, boolean created) {}

    /** The article's code for {@code channel}, created on first use; concurrent callers all get the same one. */
    public Issued issue(Slug slug, ShareChannel channel) {
        Optional<ShareCode> existing = codeOf(slug, channel);
        if (existing.isPresent()) {
            return new Issued(existing.get(), false);
        }
        ShareCode code = drawFreeCode(new ShareTarget(slug, channel));
        try {
            dynamoDb.putItem(put -> put.tableName(table)
                    .item(Map.of(
                            "pk", AttributeValue.fromS(ARTICLE_PREFIX + slug.value()),
                            "sk", AttributeValue.fromS(CHANNEL_PREFIX + channel.wireName()),
                            "code", AttributeValue.fromS(code.value()),
                            "createdAt", AttributeValue.fromS(clock.instant().toString())))
                    .conditionExpression("attribute_not_exists(pk)"));
            return new Issued(code, true);
        } catch (ConditionalCheckFailedException e) {
            ShareCode winner = codeOf(slug, channel)
                    .orElseThrow(() -> new IllegalStateException("share code mapping vanished after a conflict"));
            if (winner.equals(code)) {
                // our own write, retried by the SDK after its answer was lost: the mapping is ours
                return new Issued(code, true);
            }
            // another reader mapped the channel first: theirs is the code, ours was never handed out
            dynamoDb.deleteItem(delete -> delete.tableName(table).key(codeKey(code)));
            return new Issued(winner, false);
        }
    }

    /** The codes the article already has, by channel: one query for all of them. */
    public Map<ShareChannel, ShareCode> existing(Slug slug) {
        Map<ShareChannel, ShareCode> codes = new EnumMap<>(ShareChannel.class);
        dynamoDb.queryPaginator(query -> query.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(ARTICLE_PREFIX + slug.value()),
                                ":prefix", AttributeValue.fromS(CHANNEL_PREFIX))))
                .items()
                .forEach(item -> {
                    ShareChannel channel = ShareChannel.fromWire(item.get("sk").s().substring(CHANNEL_PREFIX.length()));
                    if (channel != null) {
                        codes.put(channel, new ShareCode(item.get("code").s()));
                    }
                });
        return codes;
    }

    /**
     * What a code points at; empty for a code this site never issued. Read consistently: a reader may click a link
     * a moment after it was created, and an eventually consistent read could still miss it.
     */
    public Optional<ShareTarget> target(ShareCode code) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(codeKey(code))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        ShareChannel channel = ShareChannel.fromWire(item.get("channel").s());
        return channel == null ? Optional.empty() : Optional.of(new ShareTarget(Slug.of(item.get("slug").s()), channel));
    }

    private Optional<ShareCode> codeOf(Slug slug, ShareChannel channel) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Map.of(
                        "pk", AttributeValue.fromS(ARTICLE_PREFIX + slug.value()),
                        "sk", AttributeValue.fromS(CHANNEL_PREFIX + channel.wireName()))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new ShareCode(item.get("code").s()));
    }

    /** Claims a random code no other link has. */
    private ShareCode drawFreeCode(ShareTarget target) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            ShareCode code = ShareCode.random(random);
            try {
                dynamoDb.putItem(put -> put.tableName(table)
                        .item(Map.of(
                                "pk", AttributeValue.fromS(CODE_PREFIX + code.value()),
                                "sk", AttributeValue.fromS(CODE_SORT_KEY),
                                "slug", AttributeValue.fromS(target.slug().value()),
                                "channel", AttributeValue.fromS(target.channel().wireName()),
                                "createdAt", AttributeValue.fromS(clock.instant().toString())))
                        .conditionExpression("attribute_not_exists(pk)"));
                return code;
            } catch (ConditionalCheckFailedException e) {
                // taken by another link: draw again
            }
        }
        throw new IllegalStateException("no free share code in " + MAX_DRAWS + " draws");
    }

    private static Map<String, AttributeValue> codeKey(ShareCode code) {
        return Map.of("pk", AttributeValue.fromS(CODE_PREFIX + code.value()), "sk", AttributeValue.fromS(CODE_SORT_KEY));
    }
}
