package com.newsdesk.local;

import com.newsdesk.core.aws.RequestBudget;
import com.newsdesk.local.servers.FaultProxy;
import com.newsdesk.local.servers.FaultProxy.Fault;
import com.newsdesk.local.servers.LocalServers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code make run FAULTS=1}: the functions reach dynalite and S3Proxy through a {@link FaultProxy} each, and a small
 * HTTP API on its own loopback port puts faults in and takes them out, so a developer can watch the site answer a
 * frozen table or bucket by hand:
 * <pre>
 * POST /dynamodb/freeze | /refuse | /reset | /latency?ms=800 | /clear     (and the same under /s3)
 *      optional: only=&lt;text a request must contain&gt;, after=&lt;requests let through first&gt;, times=&lt;requests struck&gt;
 * GET  /                                                                 the faults in force
 * </pre>
 * The edge in front of the bucket reads it directly, as the CDN does in AWS: published pages stay up.
 */
final class FaultControl implements AutoCloseable {
    private final Map<String, FaultProxy> proxies = new LinkedHashMap<>();
    private final HttpServer server;

    FaultControl(LocalServers servers) {
        proxies.put("dynamodb", FaultProxy.start("dynamodb", servers.dynamoDbEndpoint()));
        proxies.put("s3", FaultProxy.start("s3", servers.s3Endpoint()));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The functions' endpoints, through the proxies, and the request budget they have in AWS. */
    Map<String, String> settings() {
        return Map.of("LOCAL_ENDPOINT_DYNAMODB", proxies.get("dynamodb").endpoint().toString(),
                "LOCAL_ENDPOINT_S3", proxies.get("s3").endpoint().toString(),
                "REQUEST_BUDGET_MS", Long.toString(RequestBudget.DEFAULT.toMillis()));
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length <= 1 && exchange.getRequestMethod().equals("GET")) {
                text(exchange, 200, state());
                return;
            }
            FaultProxy proxy = path.length == 3 ? proxies.get(path[1]) : null;
            if (proxy == null || !exchange.getRequestMethod().equals("POST")) {
                text(exchange, 404, "POST /dynamodb/<fault> or /s3/<fault>; faults: freeze, refuse, reset, latency?ms=, clear\n");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path[2].equals("clear")) {
                proxy.clear();
            } else {
                proxy.inject(fault(path[2], query));
            }
            text(exchange, 200, state());
        } catch (IllegalArgumentException e) {
            text(exchange, 400, e.getMessage() + "\n");
        } finally {
            exchange.close();
        }
    }

    private static Fault fault(String name, Map<String, String> query) {
        Fault fault = switch (name) {
            case "freeze" -> Fault.freeze();
            case "refuse" -> Fault.refuse();
            case "reset" -> Fault.reset();
            case "latency" -> Fault.latency(Duration.ofMillis(Long.parseLong(query.getOrDefault("ms", "1000"))));
            default -> throw new IllegalArgumentException("No fault '" + name + "': freeze, refuse, reset, latency?ms=, clear");
        };
        if (query.containsKey("only")) {
            fault = fault.onlyRequestsContaining(query.get("only"));
        }
        if (query.containsKey("after")) {
            fault = fault.after(Integer.parseInt(query.get("after")));
        }
        if (query.containsKey("times")) {
            fault = fault.times(Integer.parseInt(query.get("times")));
        }
        return fault;
    }

    private String state() {
        StringBuilder state = new StringBuilder();
        proxies.forEach((name, proxy) -> state.append(name).append(": ")
                .append(proxy.fault() == null ? "no fault" : proxy.fault()).append('\n'));
        return state.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        Responses.send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
        proxies.values().forEach(FaultProxy::close);
    }
}
