package com.newsdesk.checks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * axe-core at WCAG 2.2 AA in Debian's headless Chromium, through {@code axe-check.mjs}: one browser for all the
 * pages, each loaded over HTTP with its stylesheet as a reader's browser loads it.
 */
final class AxeInChromium {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The script gives up after three minutes itself; this only catches a node that hangs before it starts. */
    private static final long TIMEOUT_SECONDS = 210;
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    record Node(List<String> target, String html, String summary) {}

    record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {
        @Override
        public String toString() {
            return nodes.stream()
                    .map(node -> "  " + id + " (" + impact + ") at " + String.join(" ", node.target()) + ": " + help
                            + "\n      " + node.html() + "\n      " + node.summary().replace("\n", "\n      "))
                    .collect(Collectors.joining("\n")) + "\n      see " + helpUrl;
        }
    }

    /**
     * @param problems    what went wrong loading the page: an error status, a failed stylesheet, a script that ran
     * @param needsReview rules axe could not decide, such as text in the colour of its background; on pages as
     *                    plain as ours that is a finding, not noise
     */
    record PageResult(String path, List<String> problems, List<Violation> violations, List<Violation> needsReview) {
        boolean passed() {
            return problems.isEmpty() && violations.isEmpty() && needsReview.isEmpty();
        }

        @Override
        public String toString() {
            List<String> lines = new ArrayList<>();
            lines.add(path + ":");
            problems.forEach(problem -> lines.add("  " + problem));
            violations.forEach(violation -> lines.add(violation.toString()));
            needsReview.forEach(undecided -> lines.add("  needs review: " + undecided.toString().strip()));
            return String.join("\n", lines);
        }
    }

    record Run(String browser, String axe, List<PageResult> pages) {}

    private final Path nodePackages;

    AxeInChromium(Path nodePackages) {
        this.nodePackages = nodePackages;
    }

    /** Fails, rather than skips, without Chromium: a check that silently does not run is worse than none. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError(CHROMIUM + " is missing or not executable. The accessibility checks load every page in "
                    + "Debian's Chromium: install it with 'apt-get install -y chromium' (CI must, in .ci/run).");
        }
    }

    Run check(String baseUrl, List<String> paths) throws IOException, InterruptedException {
        requireChromium();
        List<String> command = new ArrayList<>(List.of("node", "axe-check.mjs", baseUrl));
        command.addAll(paths);
        Path report = Files.createTempFile("axe-report-", ".json");
        Path log = Files.createTempFile("axe-log-", ".txt");
        try {
            Process node = new ProcessBuilder(command)
                    .directory(nodePackages.toFile())
                    .redirectOutput(report.toFile())
                    .redirectError(log.toFile())
                    .start();
            node.getOutputStream().close();
            if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly();
                throw new IllegalStateException("axe-check.mjs did not finish within " + TIMEOUT_SECONDS + " s:\n" + Files.readString(log));
            }
            if (node.exitValue() != 0) {
                throw new IllegalStateException("axe-check.mjs exited " + node.exitValue() + ":\n" + Files.readString(log));
            }
            return JSON.readValue(report.toFile(), Run.class);
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(log);
        }
    }
}
