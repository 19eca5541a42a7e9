package com.newsdesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.local.servers.Repository;
import com.newsdesk.local.servers.SamTemplate;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * {@code make run}: the site and its API on one local port, as readers and editors reach them through the CDN.
 * {@code /api/*} and {@code /s/*} go to the functions of template.yaml behind a local HTTP API; everything else
 * is served from the site bucket. DynamoDB is dynalite and S3 is S3Proxy, both keeping their data under the data
 * folder ({@code .local/} by default), with the table and bucket of template.yaml.
 */
public final class LocalStack implements AutoCloseable {
    static final Duration EDITOR_TOKEN_VALIDITY = Duration.ofHours(12);
    private static final String PURGE_PATH = "/purge";

    private final LocalServers servers;
    private final HttpServer server;
    private volatile HttpServer purgeServer;
    private final ExecutorService executor;
    private final LocalJwtAuthorizer authorizer;
    private final URI origin;
    private final BucketOrigin bucket;
    private final PurgeEndpoint purgeEndpoint;
    /** With {@code --faults}: the proxies between the functions and the servers, and their control API; else null. */
    private final FaultControl faults;

    private LocalStack(LocalServers servers, HttpServer server, HttpServer purgeServer, ExecutorService executor,
                       LocalJwtAuthorizer authorizer, URI origin, BucketOrigin bucket, PurgeEndpoint purgeEndpoint,
                       FaultControl faults) {
        this.purgeEndpoint = purgeEndpoint;
        this.faults = faults;
        this.servers = servers;
        this.server = server;
        this.purgeServer = purgeServer;
        this.bucket = bucket;
        this.executor = executor;
        this.authorizer = authorizer;
        this.origin = origin;
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Map<String, String> options = options(args);
        Path repository = Repository.root();
        Path data = Path.of(options.getOrDefault("--data", repository.resolve(".local").toString())).toAbsolutePath();
        boolean withFaults = !options.getOrDefault("--faults", "").isEmpty();
        LocalStack stack = start(Integer.parseInt(options.getOrDefault("--port", "3000")), data, HttpApiGateway::newHandler, withFaults);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));

        Path tokenFile = data.resolve("editor.token");
        Files.writeString(tokenFile, stack.editorToken());
        Optional<SampleArticle> sample = SampleArticle.in(repository.resolve("samples/articles"));
        String page = sample.isPresent()
                ? sample.get().publish(stack.origin(), stack.editorToken())
                : null;

        System.out.println();
        System.out.println("Newsdesk local stack on " + stack.origin() + " (ready in " + (System.nanoTime() - started) / 1_000_000 + " ms)");
        System.out.println(page != null
                ? "  sample article: " + page
                : "  no sample article: samples/articles/ has no JSON file to publish");
        System.out.println("  editor token:   " + tokenFile + " (valid " + EDITOR_TOKEN_VALIDITY.toHours() + " h)");
        System.out.println("  try:            curl -H \"Authorization: Bearer $(cat " + repository.relativize(tokenFile) + ")\" "
                + stack.origin().resolve("/api/articles"));
        System.out.println("  data:           " + data + " (delete it to start empty); Ctrl-C stops everything");
        if (stack.faults != null) {
            Path faultsFile = data.resolve("faults.url");
            Files.writeString(faultsFile, stack.faults.url().toString());
            System.out.println("  faults:         curl -X POST \"$(cat " + repository.relativize(faultsFile) + ")/dynamodb/freeze\""
                    + " (or refuse, reset, latency?ms=800, clear; /s3/... likewise; GET / shows them)");
        }
        System.out.flush();
    }

    /**
     * Starts the servers, creates the template's table and bucket if missing, sets the functions' settings as
     * system properties, makes each function's handler and serves on {@code port} (0 for any free one).
     */
    static LocalStack start(int port, Path data,
                            Function<SamFunction, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers) {
        return start(port, data, handlers, false);
    }

    /** As above; with {@code withFaults} the functions reach the servers through fault-injecting proxies. */
    static LocalStack start(int port, Path data,
                            Function<SamFunction, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers,
                            boolean withFaults) {
        SamTemplate template = SamTemplate.ofRepository();
        HttpServer server = bind(port);
        HttpServer purgeServer = bind(0);
        URI origin = URI.create("http://localhost:" + server.getAddress().getPort());
        LocalServers servers = LocalServers.onDisk(data, template);
        FaultControl faults = withFaults ? new FaultControl(servers) : null;
        try {
            Map<String, String> resourceNames = servers.createMissingResources();
            Map<String, String> settings = new HashMap<>(servers.settings());
            settings.putAll(LocalSettings.resolve(template, localParameters(origin), resourceNames));
            // Confirmation mails land here instead of going through SES: open the .eml and follow its link.
            settings.put("MAIL_OUTBOX_DIR", data.resolve("outbox").toString());
            // The functions purge the local edge cache through the same CdnPurge seam that calls CloudFront in AWS.
            settings.put("CDN_PURGE_URL", "http://localhost:" + purgeServer.getAddress().getPort() + PURGE_PATH);
            if (faults != null) {
                settings.putAll(faults.settings());
            }
            settings.forEach(System::setProperty);

            LocalJwtAuthorizer authorizer = LocalJwtAuthorizer.withKeyIn(data.resolve("jwt-signing-key.json"));
            HttpApiGateway gateway = new HttpApiGateway(HttpApiRoutes.of(template), authorizer, handlers);
            BucketOrigin bucket = new BucketOrigin(servers.s3(), settings.get("SITE_BUCKET"));
            EdgeCache cache = new EdgeCache(bucket, Clock.systemUTC());
            BucketSite site = new BucketSite(cache, bucket);
            PurgeEndpoint purgeEndpoint = new PurgeEndpoint(cache);
            purgeServer.createContext(PURGE_PATH, purgeEndpoint);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/s/")) {
                    gateway.handle(exchange);
                } else {
                    site.handle(exchange);
                }
            });
            ExecutorService executor = Executors.newFixedThreadPool(8);
            server.setExecutor(executor);
            server.start();
            purgeServer.setExecutor(executor);
            purgeServer.start();
            return new LocalStack(servers, server, purgeServer, executor, authorizer, origin, bucket, purgeEndpoint, faults);
        } catch (RuntimeException e) {
            server.stop(0);
            purgeServer.stop(0);
            if (faults != null) {
                faults.close();
            }
            servers.close();
            throw e;
        }
    }

    /** Values for the template's parameters that have no default: local-parameters.properties, and the local origin. */
    static Map<String, String> localParameters(URI origin) {
        Properties values = new Properties();
        try (InputStream in = LocalStack.class.getResourceAsStream("/local-parameters.properties")) {
            values.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read local-parameters.properties", e);
        }
        Map<String, String> parameters = new HashMap<>();
        values.stringPropertyNames().forEach(name -> parameters.put(name, values.getProperty(name)));
        parameters.put("SiteBaseUrl", origin.toString());
        return parameters;
    }

    private static HttpServer bind(int port) {
        try {
            // Loopback only: the stack has a known signing key and no TLS.
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new IllegalStateException("Port " + port + " is in use: is another make run still going? Or use make run PORT=...", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].equals("--port") && !args[i].equals("--data") && !args[i].equals("--faults")) {
                throw new IllegalArgumentException("Usage: LocalStack [--port 3000] [--data .local] [--faults 1]");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    public URI origin() {
        return origin;
    }

    /** A token of a member of the editors group, signed by the key the local authorizer trusts. */
    public String editorToken() {
        return authorizer.editorToken(EDITOR_TOKEN_VALIDITY);
    }

    LocalJwtAuthorizer authorizer() {
        return authorizer;
    }

    LocalServers servers() {
        return servers;
    }

    /** Takes the edge's purge API off the network, as a CDN outage would: purges are refused until it is back. */
    void stopPurges() {
        purgeServer.stop(0);
    }

    /** Serves the purge API again on the port the functions were given. */
    void restartPurges() {
        HttpServer restarted = bind(purgeServer.getAddress().getPort());
        restarted.createContext(PURGE_PATH, purgeEndpoint);
        restarted.setExecutor(executor);
        restarted.start();
        purgeServer = restarted;
    }

    /** The site bucket behind the local edge cache, counting what the cache asks of it. */
    BucketOrigin bucket() {
        return bucket;
    }

    /** Stops serving, then the servers; dynalite's node process is gone when this returns. */
    @Override
    public void close() {
        server.stop(0);
        purgeServer.stop(0);
        executor.shutdownNow();
        if (faults != null) {
            faults.close();
        }
        servers.close();
    }
}
