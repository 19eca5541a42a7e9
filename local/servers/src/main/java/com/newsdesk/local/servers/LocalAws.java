package com.newsdesk.local.servers;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** How anything in this JVM talks to the local servers: one region, fixed credentials, path-style S3. */
public final class LocalAws {
    public static final Region REGION = Region.US_EAST_1;
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local-secret";

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));

    private LocalAws() {}

    public static DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint)
                .build();
    }

    public static S3Client s3(URI endpoint) {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .build();
    }

    public static SqsClient sqs(URI endpoint) {
        return SqsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint)
                .build();
    }

    /**
     * dynalite and S3Proxy on a shared two-core machine answer far more slowly than DynamoDB and S3, and a publish
     * makes a few hundred calls: a request here may start calls for 25 s rather than the 6 s of AWS. Fault tests and
     * {@code make run FAULTS=1} set the real bounds again.
     */
    public static final String REQUEST_BUDGET_MS = "25000";

    /** The settings by which the functions' own clients find the local servers (names as in Lambda's environment). */
    public static Map<String, String> settings(URI dynamoDbEndpoint, URI s3Endpoint, URI sqsEndpoint) {
        return Map.of(
                "AWS_REGION", REGION.id(),
                "LOCAL_ENDPOINT_DYNAMODB", dynamoDbEndpoint.toString(),
                "LOCAL_ENDPOINT_S3", s3Endpoint.toString(),
                "LOCAL_ENDPOINT_SQS", sqsEndpoint.toString(),
                "LOCAL_ACCESS_KEY_ID", ACCESS_KEY_ID,
                "LOCAL_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY,
                "REQUEST_BUDGET_MS", REQUEST_BUDGET_MS);
    }
}
