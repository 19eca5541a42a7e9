package com.newsdesk.local.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Installs the Node packages of a folder's package-lock.json with npm, once, however many JVMs ask at a time. */
final class NodePackages {
    private NodePackages() {}

    /** The folder's {@code node_modules}, installed first if missing or older than its lock file. */
    static synchronized Path installed(Path packageDir) {
        Path modules = packageDir.resolve("node_modules");
        if (upToDate(packageDir)) {
            return modules;
        }
        // Test forks of several modules may start at once; the file lock makes the others wait for one install.
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"),
                "newsdesk-npm-" + Integer.toHexString(packageDir.toAbsolutePath().hashCode()) + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (!upToDate(packageDir)) {
                npmCi(packageDir);
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the Node packages of " + packageDir, e);
        }
    }

    private static boolean upToDate(Path packageDir) {
        // npm writes node_modules/.package-lock.json at the end of a complete install.
        Path installed = packageDir.resolve("node_modules/.package-lock.json");
        try {
            return Files.exists(installed)
                    && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(packageDir.resolve("package-lock.json"))) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void npmCi(Path packageDir) throws IOException {
        System.err.println("Installing the Node packages of " + packageDir + " with npm ci (once) ...");
        // --ignore-scripts: the LevelDB binding ships prebuilt binaries and needs no compiler.
        Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(packageDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        npm.getOutputStream().close();
        try {
            int exit = npm.waitFor();
            if (exit != 0) {
                throw new IOException("npm ci in " + packageDir + " failed with exit code " + exit);
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while npm installed the packages of " + packageDir, e);
        }
    }
}
