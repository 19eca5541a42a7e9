package com.newsdesk.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.LocalSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    /**
     * In a JVM of its own, as in a new container: the hook loads and initialises what the first request would
     * otherwise load (validation, Markdown, a page render, the SDK's marshalling), so the snapshot holds it.
     */
    @Test
    void beforeCheckpoint_loadsTheRequestPathsClasses_inAFreshJvm() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout:none", "-cp", System.getProperty("java.class.path"), PrimingProbe.class.getName()));
        LocalSite.settings(api.servers, api.table, api.bucket, Map.of()).forEach((name, value) -> command.add(name + "=" + value));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();

        String primed = output.substring(output.indexOf(PrimingProbe.BEFORE), output.indexOf(PrimingProbe.AFTER));
        assertThat(primed.lines().filter(line -> line.contains(" source: ")).count()).isGreaterThan(300);
        assertThat(primed).contains("com.networknt.schema.", "org.commonmark.renderer.html.", "io.pebbletemplates.pebble.template.",
                "com.newsdesk.core.render.ArticleView", "software.amazon.awssdk.services.dynamodb.transform.");
        // the editors' routes themselves, answered for an article that is never stored: the caller's check, the read,
        // the 404, the log line
        assertThat(primed).contains("com.newsdesk.apigateway.Caller$$Lambda", "com.newsdesk.apigateway.RequestLog ",
                "software.amazon.awssdk.services.dynamodb.model.GetItemResponse ");
        // a publish's writes, answered in the process: the page's PUT, the queue's batch, the follow-up's record
        assertThat(primed).contains("software.amazon.awssdk.services.s3.model.PutObjectResponse$BuilderImpl ",
                "software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse$BuilderImpl ",
                "software.amazon.awssdk.services.dynamodb.model.PutItemResponse$BuilderImpl ");
    }
}
