package com.newsdesk.local.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynaliteTest {
    private static final Path NODE_PACKAGES = Repository.root().resolve("local/servers");

    @Test
    void answersDynamoDbCalls_andLeavesNoProcessOnceClosed() {
        Dynalite dynalite = Dynalite.start(NODE_PACKAGES, 0, null);
        ProcessHandle node = dynalite.process();
        try (DynamoDbClient client = LocalAws.dynamoDb(dynalite.endpoint())) {
            assertThat(client.listTables().tableNames()).isEmpty();
        } finally {
            dynalite.close();
        }

        assertThat(node.isAlive()).isFalse();
    }

    @Test
    void killedJvm_takesItsDynaliteWithIt() throws Exception {
        Process jvm = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                DynaliteInAnotherJvm.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long nodePid;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            nodePid = Long.parseLong(output.readLine().trim());
            ProcessHandle node = ProcessHandle.of(nodePid).orElseThrow();
            assertThat(node.isAlive()).isTrue();

            jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs

            node.onExit().get(10, TimeUnit.SECONDS);
            assertThat(node.isAlive()).isFalse();
        }
    }

    @Test
    void dataDir_keepsTablesAcrossRestarts(@TempDir Path data) {
        TemplateResources resources = new TemplateResources(SamTemplate.ofRepository());
        String table = resources.only(TemplateResources.TABLE);
        try (Dynalite first = Dynalite.start(NODE_PACKAGES, 0, data);
             DynamoDbClient client = LocalAws.dynamoDb(first.endpoint())) {
            resources.createTable(client, table, "kept");
        }

        try (Dynalite second = Dynalite.start(NODE_PACKAGES, 0, data);
             DynamoDbClient client = LocalAws.dynamoDb(second.endpoint())) {
            assertThat(client.listTables().tableNames()).containsExactly("kept");
        }
    }

    /** Started by {@link #killedJvm_takesItsDynaliteWithIt}: prints dynalite's pid and waits to be killed. */
    static final class DynaliteInAnotherJvm {
        public static void main(String[] args) throws InterruptedException {
            Dynalite dynalite = Dynalite.start(NODE_PACKAGES, 0, null);
            System.out.println(dynalite.process().pid());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }
}
