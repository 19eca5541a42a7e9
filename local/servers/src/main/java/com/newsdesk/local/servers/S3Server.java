package com.newsdesk.local.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** S3 on this machine: S3Proxy in this JVM, checking signatures made with {@link LocalAws}' credentials. */
public final class S3Server implements AutoCloseable {
    private final S3Proxy proxy;
    private final URI endpoint;

    private S3Server(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Objects kept in memory, gone when the JVM ends: for tests. */
    public static S3Server inMemory() {
        return start(new TransientNio2BlobStore(), 0);
    }

    /**
     * Objects kept as files under {@code baseDir}, one folder per bucket: for {@code make run}.
     *
     * @param port the port to listen on, 0 for any free one
     */
    public static S3Server onDisk(Path baseDir, int port) {
        try {
            Files.createDirectories(baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + baseDir, e);
        }
        return start(new FilesystemNio2BlobStore(baseDir.toAbsolutePath().toString()), port);
    }

    private static S3Server start(BlobStore store, int port) {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalAws.ACCESS_KEY_ID, LocalAws.SECRET_ACCESS_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start S3Proxy", e);
        }
        return new S3Server(proxy);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop S3Proxy", e);
        }
    }
}
