package com.newsdesk.core.aws;

import com.newsdesk.core.site.Settings;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the SDK clients once per container. The URL-connection HTTP client starts fastest (no Netty, no
 * Apache pool) and the region and credentials come straight from Lambda's environment, skipping the SDK's
 * provider-chain probing, which matters for cold starts. {@code AWS_ENDPOINT_URL_*} point them at the local
 * servers under {@code make run} and in tests.
 */
public final class AwsClients {
    private final Settings settings;
    private final SdkHttpClient http;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    public AwsClients(Settings settings) {
        this.settings = settings;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10))
                .build();
        this.region = Region.of(settings.get("AWS_REGION", "us-east-1"));
        String localKey = settings.get("LOCAL_ACCESS_KEY_ID", null);
        this.credentials = localKey != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(localKey, settings.required("LOCAL_SECRET_ACCESS_KEY")))
                : EnvironmentVariableCredentialsProvider.create();
    }

    public DynamoDbClient dynamoDb() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(http).region(region).credentialsProvider(credentials);
        String endpoint = settings.get("AWS_ENDPOINT_URL_DYNAMODB", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** Parameter Store, for the secrets read at start (SecretParameters); no local server stands in for it. */
    public SsmClient ssm() {
        return SsmClient.builder().httpClient(http).region(region).credentialsProvider(credentials).build();
    }

    public S3Client s3() {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(http).region(region).credentialsProvider(credentials);
        String endpoint = settings.get("AWS_ENDPOINT_URL_S3", null);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        return builder.build();
    }
}
