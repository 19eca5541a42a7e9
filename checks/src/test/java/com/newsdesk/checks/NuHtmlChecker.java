package com.newsdesk.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.checks.PublishedSite.SiteObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The Nu HTML Checker (vnu.jar from the {@code vnu-jar} npm package) over pages and stylesheets. Only errors
 * count: warnings are advice, and the requirement is zero errors.
 */
final class NuHtmlChecker {
    private static final long TIMEOUT_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One error, located in the bucket key of the document it is in. */
    record Error(String key, int line, int column, String message, String extract) {
        @Override
        public String toString() {
            return key + ":" + line + ":" + column + ": " + message + (extract.isBlank() ? "" : "\n    " + extract.strip());
        }
    }

    private final Path vnuJar;

    NuHtmlChecker(Path nodePackages) {
        this.vnuJar = nodePackages.resolve("node_modules/vnu-jar/build/dist/vnu.jar");
        if (!Files.isRegularFile(vnuJar)) {
            throw new IllegalStateException(vnuJar + " is missing: run npm ci in " + nodePackages);
        }
    }

    /** Checks the HTML pages and CSS stylesheets among the objects; other objects are not its business. */
    List<Error> check(Collection<SiteObject> objects) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("vnu-");
        try {
            // vnu numbers HTML lines one short when it checks CSS in the same run, so each kind gets its own run
            Check pages = start("--html", dir.resolve("pages"), objects, SiteObject::isPage);
            Check stylesheets = start("--css", dir.resolve("stylesheets"), objects, SiteObject::isStylesheet);
            List<Error> errors = new ArrayList<>(pages.errors());
            errors.addAll(stylesheets.errors());
            return errors;
        } finally {
            deleteRecursively(dir);
        }
    }

    /** A vnu run over the objects that match, written under {@code dir} by their keys. */
    private Check start(String kind, Path dir, Collection<SiteObject> objects, Predicate<SiteObject> matching) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", vnuJar.toString(), kind, "--format", "json", "--errors-only", "--stdout",
                // language detection only ever warns, and warnings do not count
                "--no-langdetect"));
        for (SiteObject object : objects) {
            if (matching.test(object)) {
                Path file = dir.resolve(object.key());
                Files.createDirectories(file.getParent());
                Files.write(file, object.body());
                command.add(file.toString());
            }
        }
        if (!Files.isDirectory(dir)) {
            return new Check(null, dir);
        }
        Process vnu = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("vnu-report.json").toFile())
                .redirectError(dir.resolve("vnu-log.txt").toFile())
                .start();
        vnu.getOutputStream().close();
        return new Check(vnu, dir);
    }

    private record Check(Process vnu, Path dir) {
        List<Error> errors() throws IOException, InterruptedException {
            if (vnu == null) {
                return List.of();
            }
            if (!vnu.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                vnu.destroyForcibly();
                throw new IllegalStateException("vnu did not finish within " + TIMEOUT_SECONDS + " s");
            }
            JsonNode messages;
            try {
                messages = JSON.readTree(dir.resolve("vnu-report.json").toFile()).path("messages");
            } catch (IOException e) {
                throw new IllegalStateException("vnu exited " + vnu.exitValue() + " without a JSON report:\n" + log(), e);
            }
            List<Error> errors = new ArrayList<>();
            for (JsonNode message : messages) {
                String url = message.path("url").asText("");
                String key = url.isEmpty() ? "(vnu)" : dir.relativize(Path.of(URI.create(url))).toString();
                errors.add(new Error(key, message.path("lastLine").asInt(), message.path("firstColumn").asInt(),
                        message.path("type").asText() + ": " + message.path("message").asText(), message.path("extract").asText("")));
            }
            if (errors.isEmpty() && vnu.exitValue() != 0) {
                throw new IllegalStateException("vnu exited " + vnu.exitValue() + " reporting nothing:\n" + log());
            }
            return errors;
        }

        private String log() throws IOException {
            return Files.readString(dir.resolve("vnu-log.txt"));
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
