package com.newsdesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.local.servers.Repository;
import com.newsdesk.local.servers.SamTemplate;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiFunction;

/**
 * {@code make run}: the site and its API on one local port, as readers and editors reach them through the CDN.
 * {@code /api/*} and {@code /s/*} go to the functions of template.yaml behind a local HTTP API; everything else
 * is served from the site bucket. DynamoDB is dynalite and S3 is S3Proxy, both keeping their data under the data
 * folder ({@code .local/} by default), with the table and bucket of template.yaml.
 */
public final class LocalStack implements AutoCloseable {
    static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    private static final String PURGE_PATH = "/purge";
    /**
     * Where {@code make servers} keeps DynamoDB, S3 and the edge's purge API, so that functions run by
     * {@code sam local} (sam/env.json) find them; {@code make run} takes any free ports.
     */
    static final LocalServers.Ports SAM_LOCAL_SERVER_PORTS = new LocalServers.Ports(8000, 9000, 9324);
    static final int SAM_LOCAL_PURGE_PORT = 3002;

    private final LocalServers servers;
    private final HttpServer server;
    private volatile HttpServer purgeServer;
    private final LocalJwtAuthorizer authorizer;
    private final URI origin;
    private final BucketOrigin bucket;
    private final PurgeEndpoint purgeEndpoint;
    private final CloudFrontFunctions edgeFunctions;
    /** With {@code --faults}: the proxies between the functions and the servers, and their control API; else null. */
    private final FaultControl faults;
    /** What the functions are given in place of the environment template.yaml gives them in AWS. */
    private final Map<String, String> functionSettings;
    /** The render queue's pollers, handing batches to the render worker. */
    private final SqsEventSource queueEvents;
    /** Sends what the stored schedules say is due to the render queue, as EventBridge Scheduler's timers do in AWS. */
    private final LocalScheduler scheduler;
    /** The uploads bucket's poller, handing new uploads to the media function as S3's notifications do. */
    private final S3EventSource bucketEvents;

    private LocalStack(LocalServers servers, HttpServer server, HttpServer purgeServer,
                       LocalJwtAuthorizer authorizer, URI origin, BucketOrigin bucket, PurgeEndpoint purgeEndpoint,
                       CloudFrontFunctions edgeFunctions, FaultControl faults, Map<String, String> functionSettings,
                       SqsEventSource queueEvents, S3EventSource bucketEvents, LocalScheduler scheduler) {
        this.functionSettings = functionSettings;
        this.queueEvents = queueEvents;
        this.bucketEvents = bucketEvents;
        this.scheduler = scheduler;
        this.purgeEndpoint = purgeEndpoint;
        this.edgeFunctions = edgeFunctions;
        this.faults = faults;
        this.servers = servers;
        this.server = server;
        this.purgeServer = purgeServer;
        this.bucket = bucket;
        this.authorizer = authorizer;
        this.origin = origin;
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Map<String, String> options = options(args);
        Path repository = Repository.root();
        Path data = Path.of(options.getOrDefault("--data", repository.resolve(".local").toString())).toAbsolutePath();
        System.out.println("Starting DynamoDB (dynalite), S3 (S3Proxy) and the functions of template.yaml ...");
        boolean fixedPorts = Boolean.parseBoolean(options.getOrDefault("--fixed-ports", "false"));
        boolean withFaults = !options.getOrDefault("--faults", "").isEmpty();
        LocalStack stack = start(Integer.parseInt(options.getOrDefault("--port", "3000")), fixedPorts, data,
                HttpApiGateway::newHandler, withFaults);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));

        Path tokenFile = data.resolve("editor.token");
        Files.writeString(tokenFile, stack.editorToken());
        Path writerTokenFile = data.resolve("writer.token");
        Files.writeString(writerTokenFile, stack.writerToken());
        Optional<SampleArticle> sample = SampleArticle.in(repository.resolve("samples/articles"));
        sample.ifPresent(article -> System.out.println("Publishing the sample article through the API ..."));
        String page = sample.isPresent()
                ? sample.get().publish(stack.origin(), stack.editorToken())
                : null;

        System.out.println();
        System.out.println("Newsdesk local stack on " + stack.origin() + " (ready in " + (System.nanoTime() - started) / 1_000_000 + " ms)");
        System.out.println(page != null
                ? "  sample article: " + page
                : "  no sample article: samples/articles/ has no JSON file to publish");
        System.out.println("  editor token:   " + tokenFile + " (valid " + TOKEN_VALIDITY.toHours() + " h)");
        System.out.println("  writer token:   " + writerTokenFile + " (drafts and versions; not publish or restore)");
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
     * Starts the servers, creates the template's table and bucket if missing, makes each function's handler with
     * the functions' settings and serves on {@code port} (0 for any free one).
     */
    static LocalStack start(int port, Path data,
                            BiFunction<SamFunction, Settings, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers) {
        return start(port, false, data, handlers, false);
    }

    /**
     * As above, with options.
     *
     * @param fixedPorts DynamoDB, S3 and the purge API on the ports sam/env.json names, for {@code sam local}
     * @param withFaults the functions reach the servers through fault-injecting proxies
     */
    static LocalStack start(int port, boolean fixedPorts, Path data,
                            BiFunction<SamFunction, Settings, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers,
                            boolean withFaults) {
        SamTemplate template = SamTemplate.ofRepository();
        LoopbackListener.Bound listener = LoopbackListener.bind(port);
        HttpServer server = listener.server();
        LoopbackListener.Bound purgeListener = LoopbackListener.bind(fixedPorts ? SAM_LOCAL_PURGE_PORT : 0);
        HttpServer purgeServer = purgeListener.server();
        URI origin = URI.create("http://localhost:" + listener.port());
        LocalServers servers = LocalServers.onDisk(data, template, fixedPorts ? SAM_LOCAL_SERVER_PORTS : LocalServers.Ports.ANY);
        FaultControl faults = withFaults ? new FaultControl(servers) : null;
        CloudFrontFunctions edgeFunctions = null;
        try {
            edgeFunctions = CloudFrontFunctions.ofSiteBucket(template);
            Map<String, String> resourceNames = servers.createMissingResources();
            Map<String, String> settings = new HashMap<>(servers.settings());
            settings.putAll(LocalSettings.resolve(template, localParameters(origin), resourceNames));
            // The local edge adds x-origin-verify as the distribution does, but the API has no other address to guard,
            // and the events of events/ go straight to the handlers, as sam local invoke sends them.
            settings.put("ORIGIN_VERIFY_REQUIRED", "false");
            // Confirmation mails land here instead of going through SES: open the .eml and follow its link.
            settings.put("MAIL_OUTBOX_DIR", data.resolve("outbox").toString());
            // The functions purge the local edge cache through the same CdnPurge seam that calls CloudFront in AWS.
            settings.put("CDN_PURGE_URL", "http://localhost:" + purgeListener.port() + PURGE_PATH);
            if (faults != null) {
                settings.putAll(faults.settings());
            }
            Map<String, String> functionSettings = Map.copyOf(settings);

            LocalJwtAuthorizer authorizer = LocalJwtAuthorizer.withKeyIn(data.resolve("jwt-signing-key.json"));
            HttpApiGateway gateway = new HttpApiGateway(HttpApiRoutes.of(template), authorizer,
                    function -> handlers.apply(function, Settings.of(functionSettings)));
            BucketOrigin bucket = new BucketOrigin(servers.s3(), settings.get("SITE_BUCKET"));
            EdgeCache cache = new EdgeCache(bucket, Clock.systemUTC());
            // The distribution's origin group: what the bucket lacks, the HTTP API answers for the same path, with
            // the secret its origin carries (the bucket's behaviours forward no viewer headers of CloudFront's).
            BucketSite site = new BucketSite(cache, edgeFunctions, SecurityHeaders.of(template), (exchange, path) ->
                    gateway.handle(exchange, path, Map.of("x-origin-verify", settings.get("ORIGIN_VERIFY_SECRET"))));
            PurgeEndpoint purgeEndpoint = new PurgeEndpoint(cache);
            purgeServer.createContext(PURGE_PATH, purgeEndpoint);
            server.createContext("/", exchange -> {
                String path;
                try {
                    path = exchange.getRequestURI().getRawPath();
                } catch (IllegalArgumentException e) {
                    Responses.problem(exchange, 400, "Bad Request",
                            "The request's address is not a valid URI (a % must start an escape such as %20).");
                    return;
                }
                if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/s/")) {
                    gateway.handle(exchange, apiBehaviourHeaders(exchange, settings.get("ORIGIN_VERIFY_SECRET")));
                } else {
                    site.handle(exchange);
                }
            });
            server.start();
            purgeServer.start();
            SqsEventSource queueEvents = queueEvents(template, servers, resourceNames, Settings.of(functionSettings));
            S3EventSource bucketEvents = bucketEvents(template, servers, resourceNames, Settings.of(functionSettings));
            LocalScheduler scheduler = LocalScheduler.start(servers.dynamoDb(), servers.sqs(), Settings.of(functionSettings), System.err);
            return new LocalStack(servers, server, purgeServer, authorizer, origin, bucket, purgeEndpoint, edgeFunctions, faults,
                    functionSettings, queueEvents, bucketEvents, scheduler);
        } catch (RuntimeException e) {
            server.stop(0);
            purgeServer.stop(0);
            if (faults != null) {
                faults.close();
            }
            if (edgeFunctions != null) {
                edgeFunctions.close();
            }
            servers.close();
            throw e;
        }
    }

    /**
     * What the distribution adds to a request for the API, whatever the reader sent: the reader's address and port
     * (CloudFront-Viewer-Address, from the managed AllViewerExceptHostHeader policy) and the origin secret.
     */
    private static Map<String, String> apiBehaviourHeaders(HttpExchange exchange, String originVerifySecret) {
        InetSocketAddress viewer = exchange.getRemoteAddress();
        return Map.of("cloudfront-viewer-address", viewer.getAddress().getHostAddress() + ":" + viewer.getPort(),
                "x-origin-verify", originVerifySecret);
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

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].equals("--port") && !args[i].equals("--data") && !args[i].equals("--fixed-ports")
                    && !args[i].equals("--faults")) {
                throw new IllegalArgumentException("Usage: LocalStack [--port 3000] [--data .local] [--fixed-ports true] [--faults 1]");
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
        return authorizer.editorToken(TOKEN_VALIDITY);
    }

    /** A token of a member of the writers group, signed by the key the local authorizer trusts. */
    public String writerToken() {
        return authorizer.writerToken(TOKEN_VALIDITY);
    }

    LocalJwtAuthorizer authorizer() {
        return authorizer;
    }

    LocalServers servers() {
        return servers;
    }

    /** The settings every function was made with, by name. */
    Map<String, String> functionSettings() {
        return functionSettings;
    }

    /** Takes the edge's purge API off the network, as a CDN outage would: purges are refused until it is back. */
    void stopPurges() {
        purgeServer.stop(0);
    }

    /** Serves the purge API again on the port the functions were given. */
    void restartPurges() {
        HttpServer restarted = LoopbackListener.bind(purgeServer.getAddress().getPort()).server();
        restarted.createContext(PURGE_PATH, purgeEndpoint);
        restarted.start();
        purgeServer = restarted;
    }

    /** The site bucket behind the local edge cache, counting what the cache asks of it. */
    BucketOrigin bucket() {
        return bucket;
    }

    /** The functions with SQS events, each handed its queue's batches as Lambda's event source mapping would. */
    private static SqsEventSource queueEvents(SamTemplate template, LocalServers servers, Map<String, String> queueUrls,
                                              Settings settings) {
        Map<String, SamFunction> functions = new HashMap<>();
        List<SqsEventSource.Mapping> mappings = new ArrayList<>();
        for (SamFunction function : SamFunction.all(template)) {
            functions.put(function.logicalId(), function);
            mappings.addAll(SqsEventSource.Mapping.of(function));
        }
        return SqsEventSource.start(servers.sqs(), mappings, queueUrls, id -> sqsHandler(functions.get(id), settings), System.err);
    }

    /** The functions with S3 events, each handed its bucket's new objects as S3's event notifications would. */
    private static S3EventSource bucketEvents(SamTemplate template, LocalServers servers, Map<String, String> bucketNames,
                                              Settings settings) {
        Map<String, SamFunction> functions = new HashMap<>();
        List<S3EventSource.Mapping> mappings = new ArrayList<>();
        for (SamFunction function : SamFunction.all(template)) {
            functions.put(function.logicalId(), function);
            mappings.addAll(S3EventSource.Mapping.of(function));
        }
        return S3EventSource.start(servers.s3(), mappings, bucketNames, id -> s3Handler(functions.get(id), settings), System.err);
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<S3Event, ?> s3Handler(SamFunction function, Settings settings) {
        return (RequestHandler<S3Event, ?>) function.newHandler(settings);
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<SQSEvent, SQSBatchResponse> sqsHandler(SamFunction function, Settings settings) {
        return (RequestHandler<SQSEvent, SQSBatchResponse>) function.newHandler(settings);
    }

    /** Stops polling and serving, then the servers; dynalite's node process is gone when this returns. */
    @Override
    public void close() {
        scheduler.close();
        bucketEvents.close();
        queueEvents.close();
        server.stop(0);
        purgeServer.stop(0);
        edgeFunctions.close();
        if (faults != null) {
            faults.close();
        }
        servers.close();
    }
}
