package com.newsdesk.local.servers;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Dynalite, S3Proxy and ElasticMQ together, with the table, bucket and queues of {@code template.yaml}. Tests share
 * one instance per JVM ({@link #shared()}) and isolate themselves with a table, bucket and queue of their own
 * ({@link #newTable()}, {@link #newBucket()}, {@link #newQueue()}), so test classes can run in any order and forks
 * in parallel.
 */
public final class LocalServers implements AutoCloseable {
    private static LocalServers shared;

    private final Dynalite dynalite;
    private final S3Server s3Server;
    private final SqsServer sqsServer;
    private final TemplateResources resources;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final SqsClient sqs;

    private LocalServers(Dynalite dynalite, S3Server s3Server, SqsServer sqsServer, SamTemplate template) {
        this.dynalite = dynalite;
        this.s3Server = s3Server;
        this.sqsServer = sqsServer;
        this.resources = new TemplateResources(template);
        this.dynamoDb = LocalAws.dynamoDb(dynalite.endpoint());
        this.s3 = LocalAws.s3(s3Server.endpoint());
        this.sqs = LocalAws.sqs(sqsServer.endpoint());
    }

    /** In-memory servers for this JVM's tests, started on first use and stopped when the JVM exits. */
    public static synchronized LocalServers shared() {
        if (shared == null) {
            shared = inMemory(SamTemplate.ofRepository());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-servers-stop"));
        }
        return shared;
    }

    /** Servers that keep nothing; the caller closes them. */
    public static LocalServers inMemory(SamTemplate template) {
        return start(null, template, Ports.ANY);
    }

    /**
     * Servers that keep their data under {@code dataDir} ({@code ddb/} and {@code s3/}); the caller closes them.
     *
     * @param ports where they listen: {@link Ports#ANY}, or fixed ports that another program is told of
     */
    public static LocalServers onDisk(Path dataDir, SamTemplate template, Ports ports) {
        return start(dataDir, template, ports);
    }

    /** The ports of DynamoDB, S3 and SQS; 0 for any free one. */
    public record Ports(int dynamoDb, int s3, int sqs) {
        public static final Ports ANY = new Ports(0, 0, 0);
    }

    private static LocalServers start(Path dataDir, SamTemplate template, Ports ports) {
        Path nodePackages = Repository.root().resolve("local/servers");
        // Node starts dynalite while this JVM starts S3Proxy: the two take about as long.
        CompletableFuture<Dynalite> dynalite = CompletableFuture.supplyAsync(
                () -> Dynalite.start(nodePackages, ports.dynamoDb(), dataDir == null ? null : dataDir.resolve("ddb")));
        CompletableFuture<SqsServer> sqsServer = CompletableFuture.supplyAsync(() -> SqsServer.start(ports.sqs()));
        S3Server s3Server;
        try {
            s3Server = dataDir == null ? S3Server.inMemory() : S3Server.onDisk(dataDir.resolve("s3"), ports.s3());
        } catch (RuntimeException e) {
            dynalite.thenAccept(Dynalite::close);
            sqsServer.thenAccept(SqsServer::close);
            throw e;
        }
        try {
            return new LocalServers(dynalite.join(), s3Server, sqsServer.join(), template);
        } catch (CompletionException e) {
            s3Server.close();
            dynalite.thenAccept(Dynalite::close);
            sqsServer.thenAccept(SqsServer::close);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public URI dynamoDbEndpoint() {
        return dynalite.endpoint();
    }

    public URI s3Endpoint() {
        return s3Server.endpoint();
    }

    /** A client for tests to arrange and inspect data; path-style, {@link LocalAws} region and credentials. */
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public URI sqsEndpoint() {
        return sqsServer.endpoint();
    }

    /** The settings the functions read to reach these servers: region, endpoints, credentials. */
    public Map<String, String> settings() {
        return LocalAws.settings(dynamoDbEndpoint(), s3Endpoint(), sqsEndpoint());
    }

    /**
     * Creates the template's tables, buckets and queues that are missing, under their local names; returns each
     * table's and bucket's name and each queue's URL by logical id.
     */
    public Map<String, String> createMissingResources() {
        Map<String, String> created = resources.createMissing(dynamoDb, s3);
        created.putAll(resources.createQueues(sqs, ""));
        return created;
    }

    /**
     * Creates the template's queues (the render queue and its dead-letter queue, as configured there) under names
     * no other test uses, and returns the URL of the one the functions send to.
     */
    public String newQueue() {
        return resources.createQueues(sqs, "-" + uniqueSuffix()).get(resources.sendingQueue());
    }

    /** Creates the template's table under a name no other test uses, and returns that name. */
    public String newTable() {
        String logicalId = resources.only(TemplateResources.TABLE);
        String name = TemplateResources.localName(logicalId) + "-" + uniqueSuffix();
        resources.createTable(dynamoDb, logicalId, name);
        return name;
    }

    /** Creates an empty bucket under a name no other test uses, and returns that name. */
    public String newBucket() {
        String name = TemplateResources.localName(resources.siteBucket()) + "-" + uniqueSuffix();
        s3.createBucket(bucket -> bucket.bucket(name));
        return name;
    }

    private static String uniqueSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Stops the servers; dynalite's node process is gone when this returns. */
    @Override
    public void close() {
        dynamoDb.close();
        s3.close();
        sqs.close();
        try {
            s3Server.close();
            sqsServer.close();
        } finally {
            dynalite.close();
        }
    }
}
