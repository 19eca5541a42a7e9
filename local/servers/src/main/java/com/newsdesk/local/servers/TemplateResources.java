package com.newsdesk.local.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * The template's DynamoDB tables and S3 buckets, created on the local servers from their definitions in
 * {@code template.yaml} (key schema, attribute definitions, global secondary indexes), so that what runs locally
 * cannot drift from what is deployed. Settings the local servers do not have (TTL, point-in-time recovery,
 * encryption, versioning, public access blocks) stay the deployment's business.
 */
public final class TemplateResources {
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String BUCKET = "AWS::S3::Bucket";
    private static final long ACTIVE_WAIT_MILLIS = 10_000;

    private final SamTemplate template;

    public TemplateResources(SamTemplate template) {
        this.template = template;
    }

    /** A logical id as a local name, valid for tables and buckets alike: {@code SiteBucket} is {@code site-bucket}. */
    public static String localName(String logicalId) {
        return logicalId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Creates each table and bucket that is missing under its {@link #localName}; returns every local name by logical id. */
    public Map<String, String> createMissing(DynamoDbClient dynamoDb, S3Client s3) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> tables = Set.copyOf(dynamoDb.listTables().tableNames());
        for (String logicalId : template.resources(TABLE).keySet()) {
            String name = localName(logicalId);
            if (!tables.contains(name)) {
                createTable(dynamoDb, logicalId, name);
            }
            names.put(logicalId, name);
        }
        Set<String> buckets = s3.listBuckets().buckets().stream().map(Bucket::name).collect(Collectors.toSet());
        for (String logicalId : template.resources(BUCKET).keySet()) {
            String name = localName(logicalId);
            if (!buckets.contains(name)) {
                s3.createBucket(bucket -> bucket.bucket(name));
            }
            names.put(logicalId, name);
        }
        return names;
    }

    /** The logical id of the template's only resource of a type: one table and one bucket is this project's design. */
    public String only(String type) {
        Set<String> found = template.resources(type).keySet();
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one " + type + " in the template, found " + found);
        }
        return found.iterator().next();
    }

    /** Creates the table defined as {@code logicalId} under {@code tableName} and waits until it is active. */
    public void createTable(DynamoDbClient dynamoDb, String logicalId, String tableName) {
        JsonNode table = template.resources(TABLE).get(logicalId);
        if (table == null) {
            throw new IllegalArgumentException("No " + TABLE + " " + logicalId + " in the template");
        }
        JsonNode properties = table.path("Properties");
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(tableName)
                // Local servers bill nothing; capacity settings would only be ignored.
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(each(properties.path("AttributeDefinitions"), definition -> AttributeDefinition.builder()
                        .attributeName(definition.path("AttributeName").asText())
                        .attributeType(definition.path("AttributeType").asText())
                        .build()))
                .keySchema(keySchema(properties.path("KeySchema")));
        List<GlobalSecondaryIndex> indexes = each(properties.path("GlobalSecondaryIndexes"), index -> GlobalSecondaryIndex.builder()
                .indexName(index.path("IndexName").asText())
                .keySchema(keySchema(index.path("KeySchema")))
                .projection(projection(index.path("Projection")))
                .build());
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        dynamoDb.createTable(request.build());
        awaitActive(dynamoDb, tableName);
    }

    private static List<KeySchemaElement> keySchema(JsonNode keys) {
        return each(keys, key -> KeySchemaElement.builder()
                .attributeName(key.path("AttributeName").asText())
                .keyType(key.path("KeyType").asText())
                .build());
    }

    private static Projection projection(JsonNode projection) {
        Projection.Builder builder = Projection.builder().projectionType(projection.path("ProjectionType").asText());
        // An empty list would be sent as such, and DynamoDB refuses it for ALL and KEYS_ONLY.
        if (projection.has("NonKeyAttributes")) {
            builder.nonKeyAttributes(each(projection.path("NonKeyAttributes"), JsonNode::asText));
        }
        return builder.build();
    }

    private static <T> List<T> each(JsonNode array, Function<JsonNode, T> convert) {
        List<T> converted = new ArrayList<>();
        array.forEach(element -> converted.add(convert.apply(element)));
        return converted;
    }

    /** A new table answers "not found" until active; the SDK's waiter polls every 20 s, far too slow here. */
    private static void awaitActive(DynamoDbClient dynamoDb, String tableName) {
        long deadline = System.currentTimeMillis() + ACTIVE_WAIT_MILLIS;
        while (dynamoDb.describeTable(table -> table.tableName(tableName)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Table " + tableName + " is not active after " + ACTIVE_WAIT_MILLIS + " ms");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for table " + tableName, e);
            }
        }
    }
}
