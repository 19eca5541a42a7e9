package com.newsdesk.core.share;

import com.newsdesk.core.article.Slug;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Click counters, one item per article, channel and day: {@code pk=ARTICLE#<slug>, sk=CLICKS#<channel>#<date>}.
 * Each click is one {@code ADD}, which DynamoDB applies atomically, so concurrent clicks never overwrite each
 * other's count and no click needs a read first.
 */
public final class ShareClicks {
    private static final String PREFIX = "CLICKS#";
    /** The reader waits for the count before the redirect: a click is not worth more than a second of theirs. */
    static final Duration COUNT_TIMEOUT = Duration.ofSeconds(1);

    private final DynamoDbClient dynamoDb;
    private final String table;

    public ShareClicks(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public void count(ShareTarget target, LocalDate day) {
        dynamoDb.updateItem(update -> update.tableName(table)
                .key(Map.of(
                        "pk", AttributeValue.fromS(ShareCodes.ARTICLE_PREFIX + target.slug().value()),
                        "sk", AttributeValue.fromS(PREFIX + target.channel().wireName() + "#" + day)))
                .updateExpression("ADD clicks :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .overrideConfiguration(call -> call.apiCallTimeout(COUNT_TIMEOUT)));
    }

    /** Every counter of the article, by day (oldest first) and channel. */
    public ShareStats of(Slug slug) {
        Map<LocalDate, Map<ShareChannel, Long>> days = new TreeMap<>();
        dynamoDb.queryPaginator(query -> query.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(ShareCodes.ARTICLE_PREFIX + slug.value()),
                                ":prefix", AttributeValue.fromS(PREFIX))))
                .items()
                .forEach(item -> {
                    String[] channelAndDay = item.get("sk").s().substring(PREFIX.length()).split("#", 2);
                    ShareChannel channel = ShareChannel.fromWire(channelAndDay[0]);
                    if (channel != null && channelAndDay.length == 2) {
                        days.computeIfAbsent(LocalDate.parse(channelAndDay[1]), d -> new EnumMap<>(ShareChannel.class))
                                .merge(channel, Long.parseLong(item.get("clicks").n()), Long::sum);
                    }
                });
        return ShareStats.of(days);
    }
}
