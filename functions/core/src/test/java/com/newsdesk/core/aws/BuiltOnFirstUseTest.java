package com.newsdesk.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A client left to its first call (the functions' S3 and SQS clients) is built then, once, and behaves as the client
 * itself: its answers and its exceptions are the SDK's own, so callers that catch a service's exception still do.
 */
class BuiltOnFirstUseTest {
    private final LocalServers servers = LocalServers.shared();
    private final String bucket = servers.newBucket();
    private final AwsClients clients = new AwsClients(Settings.of(servers.settings()));
    private final AtomicInteger built = new AtomicInteger();
    private final S3Client s3 = AwsClients.builtOnFirstUse(S3Client.class, () -> {
        built.incrementAndGet();
        return clients.s3();
    });

    @Test
    void notBuiltUntilCalled_thenBuiltOnce() {
        assertThat(built).hasValue(0);

        s3.putObject(put -> put.bucket(bucket).key("a.txt"), RequestBody.fromString("first"));
        s3.putObject(put -> put.bucket(bucket).key("b.txt"), RequestBody.fromString("second"));

        assertThat(built).hasValue(1);
        assertThat(s3.getObjectAsBytes(get -> get.bucket(bucket).key("b.txt")).asUtf8String()).isEqualTo("second");
    }

    @Test
    void aServiceErrorIsTheSdksOwnException() {
        assertThatThrownBy(() -> s3.getObjectAsBytes(get -> get.bucket(bucket).key("missing.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }
}
