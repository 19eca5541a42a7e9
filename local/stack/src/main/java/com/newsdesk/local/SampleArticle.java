package com.newsdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Saves and publishes a sample article through the local API, as an editor would, so {@code make run} opens
 * on a real page. A second run updates it in place.
 */
final class SampleArticle {
    private static final String PREFERRED = "ukraine-peace-talks.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private SampleArticle(Path file) {
        this.file = file;
    }

    /** The preferred sample in {@code folder}, else its first JSON file by name, if any. */
    static Optional<SampleArticle> in(Path folder) throws IOException {
        if (Files.isRegularFile(folder.resolve(PREFERRED))) {
            return Optional.of(new SampleArticle(folder.resolve(PREFERRED)));
        }
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".json"))
                    .min(Comparator.comparing(Path::getFileName))
                    .map(SampleArticle::new);
        }
    }

    /** The article's slug: its file name. */
    String slug() {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    /** Saves the draft (with {@code If-Match} when it exists), publishes it, and returns its public URL. */
    String publish(URI origin, String editorToken) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI article = origin.resolve("/api/articles/" + slug());
        HttpResponse<String> existing = http.send(editor(article, editorToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpRequest.Builder put = editor(article, editorToken)
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofFile(file));
        if (existing.statusCode() == 200) {
            put.header("if-match", "\"" + JSON.readTree(existing.body()).path("version").asText() + "\"");
        }
        expectSuccess("saving " + file, http.send(put.build(), HttpResponse.BodyHandlers.ofString()));
        HttpResponse<String> published = http.send(
                editor(origin.resolve("/api/articles/" + slug() + "/publish"), editorToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        expectSuccess("publishing " + slug(), published);
        return JSON.readTree(published.body()).path("url").asText();
    }

    private static HttpRequest.Builder editor(URI uri, String token) {
        return HttpRequest.newBuilder(uri).header("authorization", "Bearer " + token);
    }

    private static void expectSuccess(String what, HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
