package com.newsdesk.local.servers;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout this JVM runs in: Maven runs each module's tests in that module's folder, so look upwards. */
public final class Repository {
    private Repository() {}

    /** The nearest folder at or above the working directory that holds {@code template.yaml}. */
    public static Path root() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("template.yaml"))) {
                return folder;
            }
        }
        throw new IllegalStateException("No template.yaml at or above " + start + ": run from inside the checkout.");
    }
}
