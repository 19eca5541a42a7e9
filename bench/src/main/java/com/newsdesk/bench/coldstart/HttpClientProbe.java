package com.newsdesk.bench.coldstart;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One SDK HTTP client in a fresh JVM: a DynamoDB client built on it, one GetItem ({@code RESPONSE} is printed when
 * it is back, and the parent times that), then 100 more timed. Usage:
 * {@code HttpClientProbe urlconnection|apache|crt DYNAMODB_ENDPOINT TABLE}.
 */
public final class HttpClientProbe {
    private HttpClientProbe() {}

    public static void main(String[] args) {
        SdkHttpClient http;
        switch (args[0]) {
            case "urlconnection" -> http = UrlConnectionHttpClient.create();
            case "apache" -> http = ApacheHttpClient.create();
            case "crt" -> http = AwsCrtHttpClient.create();
            default -> throw new IllegalArgumentException("unknown client " + args[0]);
        }
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(http).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret")))
                .endpointOverride(URI.create(args[1])).build()) {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("ARTICLE#probe"), "sk", AttributeValue.fromS("ARTICLE"));
            dynamoDb.getItem(get -> get.tableName(args[2]).key(key));
            System.out.println("RESPONSE 200");
            System.out.flush();
            StringBuilder timings = new StringBuilder("TIMINGS_MS");
            for (int i = 0; i < 100; i++) {
                long started = System.nanoTime();
                dynamoDb.getItem(get -> get.tableName(args[2]).key(key));
                timings.append(' ').append((System.nanoTime() - started) / 1e6);
            }
            System.out.println(timings);
        }
        http.close();
    }
}
