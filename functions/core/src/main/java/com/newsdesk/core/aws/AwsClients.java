package com.newsdesk.core.aws;

import com.newsdesk.core.site.Settings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the SDK clients once per container. The URL-connection HTTP client starts fastest (no Netty, no
 * Apache pool) and the region and credentials come straight from Lambda's environment, skipping the SDK's
 * provider-chain probing, which matters for cold starts. {@code LOCAL_ENDPOINT_*} point them at the local
 * servers under {@code make run} and in tests.
 *
 * <p>Every call is bounded (README, "Reliability"): an attempt timeout, a total timeout over the SDK's standard
 * retries (jittered backoff; throttling and 5xx retried), and the request's {@link RequestBudget}. A call that
 * still fails for want of its service becomes {@link DependencyUnavailable}.
 */
public final class AwsClients {
    /** DynamoDB answers a key read or write in milliseconds; a second per attempt leaves room for a slow Query. */
    static final CallTimeouts DYNAMODB = new CallTimeouts("DYNAMODB", Duration.ofSeconds(1), Duration.ofSeconds(3));
    /** An S3 PUT of a page (up to a few hundred KiB) or a HEAD: two seconds per attempt, four in all. */
    static final CallTimeouts S3 = new CallTimeouts("S3", Duration.ofSeconds(2), Duration.ofSeconds(4));
    /** One small confirmation mail, sent while the reader waits: as S3, so a route's longest wait stays the same. */
    static final CallTimeouts SES = new CallTimeouts("SES", Duration.ofSeconds(2), Duration.ofSeconds(4));
    /** The longest a request waits on AWS with the default bounds: its budget, then one last call. */
    public static final Duration LONGEST_WAIT = RequestBudget.DEFAULT.plus(max(DYNAMODB.total(), S3.total(), SES.total()));
    /**
     * The standard strategy's attempts, for DynamoDB too (whose own default is more): with jittered backoff, three
     * attempts ride out a throttled second or a lost connection; more would only spend the total timeout.
     */
    private static final int MAX_ATTEMPTS = 3;
    /** Connecting is a handshake on a warm network; a server that does not accept in a second is not there. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final Settings settings;
    private final SdkHttpClient http;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    public AwsClients(Settings settings) {
        this(settings, UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                // no read ever waits longer than the longest attempt may last
                .socketTimeout(max(DYNAMODB.from(settings).attempt(), S3.from(settings).attempt(), SES.from(settings).attempt()))
                .build());
    }

    private AwsClients(Settings settings, SdkHttpClient http) {
        this.settings = settings;
        this.http = http;
        this.region = Region.of(settings.get("AWS_REGION", "us-east-1"));
        String localKey = settings.get("LOCAL_ACCESS_KEY_ID", null);
        this.credentials = localKey != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(localKey, settings.required("LOCAL_SECRET_ACCESS_KEY")))
                : EnvironmentVariableCredentialsProvider.create();
    }

    public DynamoDbClient dynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(bounded(DYNAMODB.from(settings), Dependency.STORAGE));
        String endpoint = settings.get("LOCAL_ENDPOINT_DYNAMODB", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** The render queue; a send is as small and quick as a DynamoDB write, and bounded the same. */
    public SqsClient sqs() {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(bounded(DYNAMODB.from(settings), Dependency.RENDER_QUEUE));
        String endpoint = settings.get("LOCAL_ENDPOINT_SQS", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** Scheduled publishing's timers: one small call per schedule, bounded as a DynamoDB write. */
    public SchedulerClient scheduler() {
        return SchedulerClient.builder()
                .httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(bounded(DYNAMODB.from(settings), Dependency.SCHEDULER))
                .build();
    }

    /** Parameter Store, for the secrets read at start (SecretParameters); no local server stands in for it. */
    public SsmClient ssm() {
        return SsmClient.builder().httpClient(http).region(region).credentialsProvider(credentials).build();
    }

    public S3Client s3() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(bounded(S3.from(settings), Dependency.SITE_BUCKET));
        String endpoint = settings.get("LOCAL_ENDPOINT_S3", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        return builder.build();
    }

    /**
     * CloudFront, for purges, bounded as S3 is: a purge that fails is logged and sent again with the next one, so
     * it must not hold a publish for longer than a write to the bucket would.
     */
    public CloudFrontClient cloudFront() {
        return CloudFrontClient.builder()
                .httpClient(http).region(Region.AWS_GLOBAL).credentialsProvider(credentials)
                .overrideConfiguration(bounded(S3.from(settings), Dependency.CDN))
                .build();
    }

    /**
     * Mail (SES), bounded as the others are. Only the function that sends mail carries SES's SDK, so it hands in the
     * builder ({@code SesV2Client.builder()}); {@code LOCAL_ENDPOINT_SES} points it at a local endpoint in tests.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C mail(B builder) {
        builder.httpClient(http).region(region).credentialsProvider(credentials)
                .overrideConfiguration(bounded(SES.from(settings), Dependency.MAIL));
        String endpoint = settings.get("LOCAL_ENDPOINT_SES", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** Lambda's own credentials (or the local ones), for what signs requests outside a client: S3 POST policies. */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public Region region() {
        return region;
    }

    /**
     * Clients configured as these are, whose every call the SDK's own canned HTTP client answers in the process with
     * an empty 200: priming runs the SDK's whole path for the calls a write makes (marshalling, signing, checksums,
     * retries' bookkeeping, unmarshalling) and sends nothing anywhere.
     */
    public static AwsClients answeredInProcess(Settings settings) {
        return new AwsClients(settings, CannedResponseHttpClient.builder().statusCode(200)
                .responseBody("{}".getBytes(StandardCharsets.UTF_8)).build());
    }

    private static ClientOverrideConfiguration bounded(CallTimeouts timeouts, Dependency dependency) {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(timeouts.attempt())
                .apiCallTimeout(timeouts.total())
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
                .addExecutionInterceptor(new DependencyFailures(dependency))
                .build();
    }

    private static Duration max(Duration... durations) {
        return Collections.max(List.of(durations));
    }

    /**
     * One service's bounds, overridable by {@code <SERVICE>_ATTEMPT_TIMEOUT_MS} and {@code <SERVICE>_CALL_TIMEOUT_MS}
     * (tests use short ones).
     */
    record CallTimeouts(String service, Duration attempt, Duration total) {
        CallTimeouts from(Settings settings) {
            return new CallTimeouts(service, settings.millis(service + "_ATTEMPT_TIMEOUT_MS", attempt),
                    settings.millis(service + "_CALL_TIMEOUT_MS", total));
        }
    }
}
