package com.newsdesk.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

class S3ServerTest {
    private static final String PAGE = "<!doctype html><title>Peace talks</title>";

    @Test
    void roundTripsAnObjectWithItsHeadersAndMetadata() {
        try (S3Server server = S3Server.inMemory(); S3Client s3 = LocalAws.s3(server.endpoint())) {
            putPage(s3);

            ResponseBytes<GetObjectResponse> page = s3.getObjectAsBytes(get -> get.bucket("site").key("news/peace-talks/index.html"));

            assertThat(page.asUtf8String()).isEqualTo(PAGE);
            // S3Proxy's Jetty drops the space before the parameter; real S3 returns the type as stored.
            assertThat(page.response().contentType()).isEqualToIgnoringWhitespace("text/html; charset=utf-8");
            assertThat(page.response().cacheControl()).isEqualTo("public, max-age=60");
            assertThat(page.response().metadata()).containsEntry("content-sha256", "abc123");
        }
    }

    @Test
    void onDisk_keepsObjectsAcrossRestarts(@TempDir Path data) {
        try (S3Server first = S3Server.onDisk(data, 0); S3Client s3 = LocalAws.s3(first.endpoint())) {
            putPage(s3);
        }

        try (S3Server second = S3Server.onDisk(data, 0); S3Client s3 = LocalAws.s3(second.endpoint())) {
            assertThat(s3.getObjectAsBytes(get -> get.bucket("site").key("news/peace-talks/index.html")).asUtf8String())
                    .isEqualTo(PAGE);
        }
    }

    private static void putPage(S3Client s3) {
        s3.createBucket(bucket -> bucket.bucket("site"));
        s3.putObject(put -> put.bucket("site").key("news/peace-talks/index.html")
                        .contentType("text/html; charset=utf-8")
                        .cacheControl("public, max-age=60")
                        .metadata(Map.of("content-sha256", "abc123")),
                RequestBody.fromString(PAGE));
    }
}
