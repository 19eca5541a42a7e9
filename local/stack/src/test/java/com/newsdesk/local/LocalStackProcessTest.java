package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make run} as a developer sees it: its own process, whatever their shell exports, the sample published,
 * and nothing left once stopped.
 */
class LocalStackProcessTest {
    private static final String READY = "Newsdesk local stack on ";
    private static final String SAMPLE = "  sample article: ";

    @Test
    void servesThePublishedSample_whateverTheShellExports_andLeavesNoProcessWhenStopped(@TempDir Path data) throws Exception {
        ProcessBuilder command = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", // as make run starts it
                "-cp", System.getProperty("java.class.path"),
                LocalStack.class.getName(), "--port", "0", "--data", data.toString())
                .redirectErrorStream(true);
        // A developer's shell may export a function's variables: the stack's functions take only the settings it
        // gives them. Read from the environment, this one would stop the comments function from starting.
        command.environment().put("SITE_COMMENT_POSTS_PER_MINUTE", "0");
        Process stack = command.start();
        stack.getOutputStream().close(); // as under CI and nohup: no standard input
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
            URI origin = URI.create(awaitLine(output, READY).substring(READY.length()).split(" ")[0]);
            URI page = URI.create(awaitLine(output, SAMPLE).substring(SAMPLE.length()).trim());
            List<ProcessHandle> children = stack.descendants().toList();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(origin.resolve(page.getPath())).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.getPath()).isEqualTo("/news/ukraine-peace-talks/");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.body()).contains("Ukraine");
            assertThat(Files.readString(data.resolve("editor.token"))).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            String writer = "Bearer " + Files.readString(data.resolve("writer.token"));
            URI article = origin.resolve("/api/articles/ukraine-peace-talks");
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(article).header("authorization", writer).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("a writer reads").isEqualTo(200);
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(origin.resolve(article.getPath() + "/unpublish"))
                    .header("authorization", writer).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("but does not take down").isEqualTo(403);
            assertThat(children).as("dynalite runs as a child").anyMatch(child -> child.info().command().orElse("").endsWith("node"));

            stack.destroy(); // SIGTERM, as Ctrl-C or a stopping service manager sends

            assertThat(stack.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
            assertThat(children).noneMatch(ProcessHandle::isAlive);
        } finally {
            stack.destroyForcibly();
        }
    }

    /** The first line of the stack's output that starts with {@code prefix}; everything else is its log. */
    private static String awaitLine(BufferedReader output, String prefix) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                throw new AssertionError("The stack ended before printing " + prefix.trim());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(3, TimeUnit.MINUTES);
    }
}
