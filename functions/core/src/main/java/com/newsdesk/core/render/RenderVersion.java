package com.newsdesk.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import com.newsdesk.core.site.SiteSettings;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fingerprint of everything that decides how a page looks besides its content: the templates and the assets,
 * read from the jar (or classes folder) this code runs from, and the site settings every page shows (its name, logo,
 * sections menu). Pages written by another render version may look different from what this code writes, so a
 * deploy that changes it re-renders the site.
 */
public final class RenderVersion {
    private static final List<String> FOLDERS = List.of("templates", "assets");

    private RenderVersion() {}

    /** The render version of this code with these site settings. */
    public static String of(SiteSettings site) {
        MessageDigest digest = sha256();
        digest.update(code().getBytes(StandardCharsets.UTF_8));
        digest.update(site.pageFingerprint().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    /** The templates' and assets' part. */
    private static String code() {
        try {
            Path codeSource = Path.of(RenderVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(codeSource)) {
                return fingerprint(codeSource);
            }
            try (FileSystem jar = FileSystems.newFileSystem(codeSource, Map.of())) {
                return fingerprint(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The code's location is no path", e);
        }
    }

    private static String fingerprint(Path root) throws IOException {
        MessageDigest digest = sha256();
        for (String folder : FOLDERS) {
            try (Stream<Path> files = Files.walk(root.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = Files.newInputStream(file)) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
