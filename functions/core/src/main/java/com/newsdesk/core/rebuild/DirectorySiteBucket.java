package com.newsdesk.core.rebuild;

import com.newsdesk.core.publish.SiteBucket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site bucket as a folder on local disk, laid out as the bucket is ({@code city/slug/index.html}), so any
 * static file server can serve it. Content type and cache control are the web server's business there.
 * Thread-safe: a rebuild writes from several threads.
 */
public final class DirectorySiteBucket implements SiteBucket {
    private final Path root;
    private final Set<Path> madeDirectories = ConcurrentHashMap.newKeySet();

    public DirectorySiteBucket(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public boolean put(String key, byte[] body, String contentType, String cacheControl) {
        Path file = resolve(key);
        try {
            if (Files.isRegularFile(file)) {
                if (Files.size(file) == body.length && Arrays.equals(Files.readAllBytes(file), body)) {
                    return false;
                }
                // a new file rather than one truncated in place: ext4 flushes a truncated file on close, a wait per page
                Files.delete(file);
            }
            Path parent = file.getParent();
            if (madeDirectories.add(parent)) {
                Files.createDirectories(parent);
            }
            Files.write(file, body, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keys come from slugs, sections and tags. S3 takes {@code tags/../x} as a plain name; a file system would
     * climb out of the site's folder, so any key that is not a plain relative path is refused.
     */
    private Path resolve(String key) {
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0
                    || segment.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("not a plain path inside the site: " + key);
            }
        }
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("not a plain path inside the site: " + key);
        }
        return file;
    }
}
