package com.newsdesk.local.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The template's DynamoDB tables, S3 buckets and SQS queues, created on the local servers from their definitions in
 * {@code template.yaml} (key schema, attribute definitions, global secondary indexes; visibility timeout, retention,
 * redrive policy), so that what runs locally cannot drift from what is deployed. Settings the local servers do not have (TTL, point-in-time recovery,
 * encryption, versioning, public access blocks) stay the deployment's business.
 */
public final class TemplateResources {
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String BUCKET = "AWS::S3::Bucket";
    public static final String QUEUE = "AWS::SQS::Queue";
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

    /**
     * Creates each of the template's queues under its {@link #localName} plus {@code suffix}, dead-letter queues
     * first so that a queue's redrive policy can name one; sets the visibility timeout, retention and redrive policy
     * the template gives. Returns each queue's URL by logical id.
     */
    public Map<String, String> createQueues(SqsClient sqs, String suffix) {
        Map<String, JsonNode> queues = template.resources(QUEUE);
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> arns = new LinkedHashMap<>();
        List<String> deadLetterFirst = new ArrayList<>(queues.keySet());
        deadLetterFirst.sort((a, b) -> Boolean.compare(redrive(queues.get(a)).isPresent(), redrive(queues.get(b)).isPresent()));
        for (String logicalId : deadLetterFirst) {
            JsonNode properties = queues.get(logicalId).path("Properties");
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            for (String number : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "ReceiveMessageWaitTimeSeconds")) {
                if (properties.has(number)) {
                    attributes.put(QueueAttributeName.fromValue(number), properties.get(number).asText());
                }
            }
            redrive(queues.get(logicalId)).ifPresent(policy -> attributes.put(QueueAttributeName.REDRIVE_POLICY,
                    "{\"deadLetterTargetArn\":\"" + arns.get(policy.path("deadLetterTargetArn").path("Fn::GetAtt").path(0).asText())
                            + "\",\"maxReceiveCount\":" + policy.path("maxReceiveCount").asInt() + "}"));
            String url = sqs.createQueue(create -> create.queueName(localName(logicalId) + suffix).attributes(attributes)).queueUrl();
            urls.put(logicalId, url);
            arns.put(logicalId, sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN));
        }
        return urls;
    }

    /** The queue the functions send to: the template's one queue with a dead-letter queue of its own. */
    public String sendingQueue() {
        List<String> sending = template.resources(QUEUE).entrySet().stream()
                .filter(queue -> redrive(queue.getValue()).isPresent()).map(Map.Entry::getKey).toList();
        if (sending.size() != 1) {
            throw new IllegalStateException("Expected one queue with a RedrivePolicy in the template, found " + sending);
        }
        return sending.get(0);
    }

    private static Optional<JsonNode> redrive(JsonNode queue) {
        JsonNode policy = queue.path("Properties").path("RedrivePolicy");
        return policy.isMissingNode() ? Optional.empty() : Optional.of(policy);
    }

    /** The logical id of the template's only resource of a type: one table and one bucket is this project's design. */
    public String only(String type) {
        Set<String> found = template.resources(type).keySet();
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one " + type + " in the template, found " + found);
        }
        return found.iterator().next();
    }

    /** The bucket the site is served from: the one the functions are given as {@code SITE_BUCKET}. */
    public String siteBucket() {
        String logicalId = template.json().path("Globals").path("Function").path("Environment").path("Variables")
                .path("SITE_BUCKET").path("Ref").asText("");
        if (!template.resources(BUCKET).containsKey(logicalId)) {
            throw new IllegalStateException("Expected Globals to give the functions SITE_BUCKET: !Ref <a bucket of the template>");
        }
        return logicalId;
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
