package com.newsdesk.local.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ in this JVM, speaking SQS's protocol (the JSON one the SDK uses) on a loopback port: the render
 * queue for tests and {@code make run}. Its queues live in memory; a restarted {@code make run} starts with
 * empty queues, and a list left unrendered by a stopped stack is rendered with its next change.
 */
public final class SqsServer implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;

    private SqsServer(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** A free port found, then bound by ElasticMQ: another process may take it in between, so try again. */
    private static final int BIND_ATTEMPTS = 5;

    /** @param port 0 for any free one */
    public static SqsServer start(int port) {
        for (int attempt = 1; ; attempt++) {
            int chosen = port != 0 ? port : freePort();
            // queue URLs name this address, so the SDK's requests for a queue come back here
            SQSRestServer server = SQSRestServerBuilder.withPort(chosen).withInterface("127.0.0.1")
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", chosen, ""))
                    .start();
            try {
                server.waitUntilStarted();
                return new SqsServer(server, URI.create("http://127.0.0.1:" + chosen));
            } catch (RuntimeException e) {
                stopQuietly(server);
                if (port != 0 || attempt == BIND_ATTEMPTS || !isBindFailure(e)) {
                    throw e;
                }
            }
        }
    }

    /** A server that never bound has nothing to stop but its actor system; a failure there hides nothing. */
    private static void stopQuietly(SQSRestServer server) {
        try {
            server.stopAndWait();
        } catch (RuntimeException alreadyDown) {
            // the bind failure is what the caller needs to know
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
