package com.newsdesk.core.store;

import com.newsdesk.core.article.ArticleQuery;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque {@code cursor} of a listing: DynamoDB's last evaluated key, every part a string, as
 * {@code index|name=value|…} in base64url. A cursor that does not decode to exactly the keys of the index it came
 * from is refused, so a hand-made one can only ever point somewhere inside the same index.
 */
final class ListCursor {
    private static final Map<String, Set<String>> KEYS_OF_INDEX = Map.of(
            "byStatus", Set.of("pk", "sk", "gsi1pk", "gsi1sk"),
            "bySection", Set.of("pk", "sk", "gsi2pk", "gsi2sk"),
            "byUpdated", Set.of("pk", "sk", "gsi3pk", "gsi3sk"));

    private ListCursor() {}

    static String encode(Map<String, AttributeValue> lastKey, String index) {
        StringBuilder text = new StringBuilder(index);
        lastKey.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                text.append('\u001f').append(e.getKey()).append('=').append(e.getValue().s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor, String index) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split("\u001f");
        if (!parts[0].equals(index)) {
            throw invalid();
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals < 1) {
                throw invalid();
            }
            key.put(parts[i].substring(0, equals), AttributeValue.fromS(parts[i].substring(equals + 1)));
        }
        if (!key.keySet().equals(KEYS_OF_INDEX.get(index))) {
            throw invalid();
        }
        return key;
    }

    private static ArticleQuery.InvalidQuery invalid() {
        return new ArticleQuery.InvalidQuery("cursor must be the nextCursor of a previous page with the same filters.");
    }
}
