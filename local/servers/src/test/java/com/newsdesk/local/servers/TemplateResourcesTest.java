package com.newsdesk.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TemplateResourcesTest {
    private final LocalServers servers = LocalServers.shared();

    @Test
    void newTable_hasTheKeysAndIndexesOfTheTemplate() {
        String table = servers.newTable();

        TableDescription created = servers.dynamoDb().describeTable(describe -> describe.tableName(table)).table();

        JsonNode defined = SamTemplate.ofRepository().resources(TemplateResources.TABLE).get("ArticlesTable").path("Properties");
        assertThat(keys(created.keySchema().stream().map(key -> key.attributeName() + " " + key.keyTypeAsString()).toList()))
                .isEqualTo(keys(defined.path("KeySchema")));
        assertThat(created.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder("byStatus", "bySection", "byUpdated");
        for (JsonNode index : defined.path("GlobalSecondaryIndexes")) {
            GlobalSecondaryIndexDescription createdIndex = created.globalSecondaryIndexes().stream()
                    .filter(candidate -> candidate.indexName().equals(index.path("IndexName").asText()))
                    .findFirst().orElseThrow();
            assertThat(keys(createdIndex.keySchema().stream().map(key -> key.attributeName() + " " + key.keyTypeAsString()).toList()))
                    .isEqualTo(keys(index.path("KeySchema")));
            assertThat(createdIndex.projection().projectionTypeAsString()).isEqualTo("ALL");
        }
    }

    @Test
    void newTableAndNewBucket_areNewEachTime() {
        assertThat(servers.newTable()).isNotEqualTo(servers.newTable());
        assertThat(servers.newBucket()).isNotEqualTo(servers.newBucket());
    }

    @Test
    void createMissingResources_createsTheTemplatesTableBucketAndQueuesOnce() {
        try (LocalServers own = LocalServers.inMemory(SamTemplate.ofRepository())) {
            assertThat(own.createMissingResources())
                    .containsEntry("ArticlesTable", "articles-table")
                    .containsEntry("SiteBucket", "site-bucket")
                    .containsEntry("UploadsBucket", "uploads-bucket")
                    .containsEntry("RenderQueue", own.sqsEndpoint() + "/000000000000/render-queue");

            assertThat(own.createMissingResources()).hasSize(5);
            assertThat(own.dynamoDb().listTables().tableNames()).containsExactly("articles-table");
            assertThat(own.s3().listBuckets().buckets()).extracting(bucket -> bucket.name())
                    .containsExactlyInAnyOrder("site-bucket", "uploads-bucket");
            assertThat(own.sqs().listQueues().queueUrls()).hasSize(2);
        }
    }

    @Test
    void newQueue_hasTheTemplatesVisibilityTimeout_andAMessageFailingEveryReceiveEndsInItsOwnDeadLetterQueue() {
        String queue = servers.newQueue();
        Map<QueueAttributeName, String> attributes = servers.sqs().getQueueAttributes(get -> get.queueUrl(queue)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("360");
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY)).contains("\"maxReceiveCount\":8");
        String deadLetters = servers.sqs().getQueueUrl(get -> get.queueName(queue.substring(queue.lastIndexOf('/') + 1)
                .replace("render-queue", "render-dead-letter-queue"))).queueUrl();

        servers.sqs().sendMessage(send -> send.queueUrl(queue).messageBody("fails every time"));
        for (int receive = 1; receive <= 8; receive++) {
            var message = servers.sqs().receiveMessage(get -> get.queueUrl(queue).waitTimeSeconds(1)).messages();
            assertThat(message).as("receive " + receive).hasSize(1);
            servers.sqs().changeMessageVisibility(change -> change.queueUrl(queue)
                    .receiptHandle(message.get(0).receiptHandle()).visibilityTimeout(0));
        }

        assertThat(servers.sqs().receiveMessage(get -> get.queueUrl(queue).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(servers.sqs().receiveMessage(get -> get.queueUrl(deadLetters).waitTimeSeconds(1)).messages())
                .singleElement().satisfies(message -> assertThat(message.body()).isEqualTo("fails every time"));
    }

    private static List<String> keys(List<String> described) {
        return described;
    }

    private static List<String> keys(JsonNode keySchema) {
        List<String> keys = new ArrayList<>();
        keySchema.forEach(key -> keys.add(key.path("AttributeName").asText() + " " + key.path("KeyType").asText()));
        return keys;
    }
}
