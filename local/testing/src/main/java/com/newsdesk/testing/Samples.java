package com.newsdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample articles of {@code samples/articles/}, shared by tests, {@code make run} and the README. */
public final class Samples {
    private Samples() {}

    public static byte[] article(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples/articles"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("samples/articles not found above the working directory");
        }
        try {
            return Files.readAllBytes(dir.resolve("samples/articles/" + name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
