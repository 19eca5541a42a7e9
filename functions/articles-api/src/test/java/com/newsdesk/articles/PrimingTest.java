package com.newsdesk.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SnapStart's checkpoint hook warms the request path without touching stored state. */
class PrimingTest {
    private final EditorApi api = new EditorApi();

    @Test
    void beforeCheckpoint_primesWithoutWritingAnything() {
        api.handler.beforeCheckpoint(null);

        assertThat(api.servers.s3().listObjectsV2(b -> b.bucket(api.bucket)).contents()).isEmpty();
        assertThat(api.servers.dynamoDb().scan(b -> b.tableName(api.table)).items()).isEmpty();
        assertThat(api.get("ukraine-peace-talks").status()).isEqualTo(404);
    }
}
