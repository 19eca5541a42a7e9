package com.newsdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The stack's ports: Jetty (already here for S3Proxy) behind the JDK's {@code HttpServer} API the handlers are
 * written against. The JDK's own server answers a request line it cannot parse with an HTML page naming a Java
 * exception, before any handler runs; Jetty lets such refusals be problem+json like every other. (With Jetty's
 * provider on the class path, {@code HttpServer.create} gives a Jetty server too, but one that knows its port only
 * once started: too late for the settings that name it.)
 */
final class LoopbackListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The server, not started, and the port it is bound to (known at once, also when any free one was asked for). */
    record Bound(HttpServer server, int port) {}

    private LoopbackListener() {}

    /**
     * Binds the loopback interface only: the stack has a known signing key and no TLS.
     *
     * @param port the port, 0 for any free one
     */
    static Bound bind(int port) {
        Server jetty = new Server();
        jetty.setErrorHandler(new ProblemErrors());
        jetty.setHandler(new ContextHandlerCollection()); // where JettyHttpServer puts each context
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        try {
            connector.open();
        } catch (BindException e) {
            throw new IllegalStateException("Port " + port + " is in use: is another make run still going? Or use make run PORT=...", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jetty.addConnector(connector);
        JettyHttpServer server = new JettyHttpServer(jetty, false);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), connector.getLocalPort());
        try {
            server.bind(address, 0); // finds the connector already listening there, and records the address
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Bound(server, connector.getLocalPort());
    }

    /** Jetty's own refusals (a malformed request line, a header too large) as RFC 9457 problems. */
    private static final class ProblemErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) throws IOException {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", HttpStatus.getMessage(code));
            problem.put("status", code);
            problem.put("detail", "The request could not be read: " + (message == null ? HttpStatus.getMessage(code) : message) + ".");
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(problem)), callback);
        }
    }
}
