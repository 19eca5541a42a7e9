package com.newsdesk.local.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback in front of a local server, which can make that server look frozen, gone, flaky or
 * slow, the way a throttled, partitioned or restarting AWS service looks to the SDK:
 * <ul>
 * <li>{@link Kind#FREEZE}: connections are accepted and requests read, but never answered;</li>
 * <li>{@link Kind#REFUSE}: connections are reset as they are made, and open ones too;</li>
 * <li>{@link Kind#RESET}: a request reaches the server, and its answer is cut off half-way by a TCP reset;</li>
 * <li>{@link Kind#LATENCY}: every request is held for a while before it is passed on.</li>
 * </ul>
 * A fault can be narrowed to requests whose bytes contain a text (an {@code X-Amz-Target} such as
 * {@code DynamoDB_20120810.UpdateItem}, a key, a method and path), so one kind of call fails while others pass.
 * The proxy knows nothing of HTTP beyond that: it forwards bytes.
 */
public final class FaultProxy implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    private static final String[] METHODS = {"GET ", "HEAD ", "PUT ", "POST ", "DELETE ", "PATCH "};

    public enum Kind { FREEZE, REFUSE, RESET, LATENCY }

    /**
     * @param latency for {@link Kind#LATENCY}, how long each request is held
     * @param onlyRequestsContaining the text a request's bytes must contain to be affected, or {@code null}: all
     * @param spared how many affected requests pass untouched before the fault strikes (a fault at a later step)
     * @param times how many requests it strikes at most, after which it passes everything
     */
    public record Fault(Kind kind, Duration latency, String onlyRequestsContaining, int spared, int times) {
        public static Fault freeze() {
            return of(Kind.FREEZE, Duration.ZERO);
        }

        public static Fault refuse() {
            return of(Kind.REFUSE, Duration.ZERO);
        }

        public static Fault reset() {
            return of(Kind.RESET, Duration.ZERO);
        }

        public static Fault latency(Duration latency) {
            return of(Kind.LATENCY, latency);
        }

        private static Fault of(Kind kind, Duration latency) {
            return new Fault(kind, latency, null, 0, Integer.MAX_VALUE);
        }

        public Fault onlyRequestsContaining(String text) {
            return new Fault(kind, latency, text, spared, times);
        }

        /** Lets the first {@code requests} affected requests through: the fault strikes at a later step. */
        public Fault after(int requests) {
            return new Fault(kind, latency, onlyRequestsContaining, requests, times);
        }

        /** Strikes {@code requests} requests, then passes everything, as a passing glitch does. */
        public Fault times(int requests) {
            return new Fault(kind, latency, onlyRequestsContaining, spared, requests);
        }

        boolean affects(byte[] chunk, int length) {
            return onlyRequestsContaining == null
                    || new String(chunk, 0, length, StandardCharsets.ISO_8859_1).contains(onlyRequestsContaining);
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase() + (kind == Kind.LATENCY ? " " + latency.toMillis() + " ms" : "")
                    + (onlyRequestsContaining == null ? "" : " of requests containing '" + onlyRequestsContaining + "'")
                    + (spared == 0 ? "" : " after " + spared + " requests")
                    + (times == Integer.MAX_VALUE ? "" : ", " + times + " times");
        }
    }

    private final String name;
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Fault fault;
    /** A {@link Kind#REFUSE} fault has struck: connections are reset on arrival. */
    private volatile boolean refusing;
    /** Requests the fault in force has seen so far (spared or struck). */
    private final AtomicInteger affected = new AtomicInteger();
    private final ServerSocket listener;
    private volatile boolean closed;

    private FaultProxy(String name, InetSocketAddress target, ServerSocket listener) {
        this.name = name;
        this.target = target;
        this.listener = listener;
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** A proxy on a free loopback port in front of {@code target} (an {@code http://host:port} endpoint). */
    public static FaultProxy start(String name, URI target) {
        return new FaultProxy(name, new InetSocketAddress(target.getHost(), target.getPort()), listen());
    }

    /** Where clients connect instead of the target. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public String name() {
        return name;
    }

    /** The fault in force, or {@code null}. */
    public Fault fault() {
        return fault;
    }

    /** Puts {@code fault} in force from now on, in place of any other. */
    public synchronized void inject(Fault fault) {
        clear();
        affected.set(0);
        this.fault = fault;
        if (fault.kind() == Kind.REFUSE && fault.spared() == 0) {
            refuse(fault);
        }
    }

    /**
     * From now on every connection is reset as soon as it is made, and every open one is reset; unless the fault was
     * cleared meanwhile. (Closing the port instead would let the system hand it to an outgoing connection, and the
     * proxy could not take it back.)
     */
    private synchronized void refuse(Fault refused) {
        if (fault == refused) {
            refusing = true;
            open.forEach(FaultProxy::reset);
        }
    }

    /** Back to a faithful proxy: frozen connections are closed (their callers gave up long ago), the port reopens. */
    public synchronized void clear() {
        fault = null;
        refusing = false;
        notifyAll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        fault = null;
        closeQuietly(listener);
        open.forEach(FaultProxy::closeQuietly);
        notifyAll();
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on a loopback port", e);
        }
    }

    private void accept(ServerSocket socket) {
        daemon("accept", () -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    if (refusing) {
                        reset(client);
                        continue;
                    }
                    daemon("connect", () -> connect(client));
                } catch (IOException e) {
                    return; // closed: refused, cleared or shut down
                }
            }
        });
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            // every request and answer is passed on at once, as a direct connection would carry it
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, 5_000);
        } catch (IOException e) {
            reset(client);
            closeQuietly(server);
            return;
        }
        open.add(client);
        open.add(server);
        Connection connection = new Connection(client, server);
        daemon("request", connection::requests);
        daemon("response", connection::responses);
    }

    /** One client connection and its own connection to the server. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        /** A request passed on under {@link Kind#RESET}: its answer is cut off. */
        private volatile boolean cutNextAnswer;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /**
         * Passes requests on. Whether the fault strikes is decided once per request, at its first chunk that the
         * fault's text matches (the headers, or the body where the text is a key), and holds for its later chunks.
         */
        void requests() {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                int read;
                boolean decided = false;
                Fault striking = null;
                while ((read = in.read(buffer)) >= 0) {
                    Fault now = fault;
                    if (startsRequest(buffer, read)) {
                        decided = false;
                        striking = null;
                    }
                    if (!decided && now != null && now.affects(buffer, read)) {
                        decided = true;
                        int seen = affected.getAndIncrement();
                        if (seen >= now.spared() && seen - now.spared() < now.times()) {
                            striking = now;
                            switch (now.kind()) {
                                case RESET -> cutNextAnswer = true;
                                case LATENCY -> Thread.sleep(now.latency().toMillis());
                                default -> { }
                            }
                        }
                    }
                    if (striking != null && striking.kind() == Kind.REFUSE) {
                        refuse(striking);
                        return;
                    }
                    if (striking != null && striking.kind() == Kind.FREEZE) {
                        holdWhile(striking);
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // either side went away
            } finally {
                close();
            }
        }

        void responses() {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (cutNextAnswer) {
                        out.write(buffer, 0, Math.max(1, read / 2));
                        out.flush();
                        reset(client);
                        return;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // either side went away
            } finally {
                close();
            }
        }

        /** The request is never answered: the client waits for its own timeout; the connection ends with the fault. */
        private void holdWhile(Fault frozen) throws InterruptedException {
            synchronized (FaultProxy.this) {
                while (fault == frozen && !closed) {
                    FaultProxy.this.wait();
                }
            }
        }

        private void close() {
            open.remove(client);
            open.remove(server);
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static boolean startsRequest(byte[] chunk, int length) {
        String start = new String(chunk, 0, Math.min(length, 8), StandardCharsets.ISO_8859_1);
        for (String method : METHODS) {
            if (start.startsWith(method)) {
                return true;
            }
        }
        return false;
    }

    /** Closes with a TCP reset rather than an orderly end, as a crashed server or a dropped route does. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    private void daemon(String role, Runnable task) {
        Thread thread = new Thread(task, "fault-proxy-" + name + "-" + role);
        thread.setDaemon(true);
        thread.start();
    }
}
