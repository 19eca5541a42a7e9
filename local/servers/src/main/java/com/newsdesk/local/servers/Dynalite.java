package com.newsdesk.local.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * DynamoDB on this machine: dynalite (npm) in a child {@code node} process. The child runs a small wrapper that
 * exits when its standard input, a pipe this JVM holds, closes: no node process outlives the JVM, even one that
 * was killed.
 */
public final class Dynalite implements AutoCloseable {
    private static final long START_SECONDS = 30;
    private static final long STOP_SECONDS = 5;

    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * @param packageDir folder whose package-lock.json names dynalite; npm installs it there on first use
     * @param port the port to listen on, 0 for any free one
     * @param dataDir LevelDB folder that keeps the data across runs, or {@code null} to keep it in memory
     */
    public static Dynalite start(Path packageDir, int port, Path dataDir) {
        Path modules = NodePackages.installed(packageDir);
        try {
            List<String> command = new ArrayList<>(List.of(
                    "node", wrapperScript(modules).toString(), modules.resolve("dynalite").toString(), Integer.toString(port)));
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                command.add(dataDir.toString());
            }
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Dynalite(process, URI.create("http://127.0.0.1:" + awaitPort(process)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start dynalite", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The node process, for callers that check it is gone. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Closes the pipe, which stops dynalite cleanly, and waits until the process is gone. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the wrapper's {@code listening <port>} line; its absence within the time limit is a failed start. */
    private static int awaitPort(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String line;
        try {
            line = firstLine.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("dynalite did not start within " + START_SECONDS + " s", e);
        }
        if (line == null || !line.startsWith("listening ")) {
            process.destroyForcibly();
            throw new IOException("dynalite did not start; its error output is above");
        }
        return Integer.parseInt(line.substring("listening ".length()).trim());
    }

    /** The wrapper script, copied from the classpath next to the packages it runs; atomically, as other JVMs may be starting too. */
    private static Path wrapperScript(Path modules) throws IOException {
        Path script = modules.resolve(".dynalite-wrapper.js");
        Path copy = Files.createTempFile(modules, ".dynalite-wrapper-", ".js");
        try (InputStream resource = Dynalite.class.getResourceAsStream("dynalite-wrapper.js")) {
            Files.copy(resource, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.move(copy, script, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
