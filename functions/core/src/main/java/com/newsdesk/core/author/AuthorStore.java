package com.newsdesk.core.author;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Author profiles in DynamoDB, all in one partition ({@code pk = AUTHORS, sk = <slug>}): a newsroom has hundreds
 * of authors at most, so the whole staff list is one query, and the sitemap of author pages needs no scan.
 */
public final class AuthorStore implements AuthorProfiles {
    private static final String PARTITION = "AUTHORS";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public AuthorStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** Replaces the profile (or creates it, at version 1); returns it as stored. */
    public AuthorProfile save(String slug, AuthorRequest profile, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":name", AttributeValue.fromS(profile.name()));
        values.put(":links", AttributeValue.fromL(profile.links().stream().map(AttributeValue::fromS).toList()));
        values.put(":now", AttributeValue.fromS(now.toString()));
        List<String> set = new ArrayList<>(List.of("authorName = :name", "links = :links", "updatedAt = :now"));
        List<String> remove = new ArrayList<>();
        optional("authorRole", profile.role(), set, remove, values);
        optional("bio", profile.bio(), set, remove, values);
        optional("imageSrc", profile.image() == null ? null : profile.image().src(), set, remove, values);
        optional("imageAlt", profile.image() == null ? null : profile.image().alt(), set, remove, values);
        String update = "ADD version :one SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return profile(dynamoDb.updateItem(u -> u.tableName(table).key(key(slug)).updateExpression(update)
                .expressionAttributeValues(values).returnValues("ALL_NEW")).attributes());
    }

    @Override
    public Optional<AuthorProfile> find(String slug) {
        Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(table).consistentRead(true).key(key(slug))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(profile(item));
    }

    @Override
    public List<AuthorProfile> all() {
        List<AuthorProfile> profiles = new ArrayList<>();
        QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION))).build();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamoDb.query(start == null ? request : request.toBuilder().exclusiveStartKey(start).build());
            page.items().forEach(item -> profiles.add(profile(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return profiles;
    }

    private static void optional(String attribute, String value, List<String> set, List<String> remove,
                                 Map<String, AttributeValue> values) {
        if (value == null) {
            remove.add(attribute);
        } else {
            set.add(attribute + " = :" + attribute);
            values.put(":" + attribute, AttributeValue.fromS(value));
        }
    }

    private static AuthorProfile profile(Map<String, AttributeValue> item) {
        String imageSrc = text(item, "imageSrc");
        return new AuthorProfile(item.get("sk").s(), item.get("authorName").s(), text(item, "authorRole"), text(item, "bio"),
                imageSrc == null ? null : new AuthorProfile.Portrait(imageSrc, text(item, "imageAlt")),
                item.get("links").l().stream().map(AttributeValue::s).toList(), Long.parseLong(item.get("version").n()),
                Instant.parse(item.get("updatedAt").s()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Map<String, AttributeValue> key(String slug) {
        return new HashMap<>(Map.of("pk", AttributeValue.fromS(PARTITION), "sk", AttributeValue.fromS(slug)));
    }
}
