package com.newsdesk.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    void createMissingResources_createsTheTemplatesTableAndBucketOnce() {
        try (LocalServers own = LocalServers.inMemory(SamTemplate.ofRepository())) {
            assertThat(own.createMissingResources())
                    .containsEntry("ArticlesTable", "articles-table")
                    .containsEntry("SiteBucket", "site-bucket");

            assertThat(own.createMissingResources()).hasSize(2);
            assertThat(own.dynamoDb().listTables().tableNames()).containsExactly("articles-table");
            assertThat(own.s3().listBuckets().buckets()).singleElement()
                    .satisfies(bucket -> assertThat(bucket.name()).isEqualTo("site-bucket"));
        }
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
