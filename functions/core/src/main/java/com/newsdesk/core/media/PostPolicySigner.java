package com.newsdesk.core.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Signs S3 POST policies (Signature Version 4, as S3's "Browser-based uploads using POST" describes them). The
 * AWS SDK for Java 2 presigns GET and PUT only; a PUT cannot limit the size of what is sent (its signed
 * Content-Length is one exact value, which the client chooses), while a POST policy's {@code content-length-range}
 * is enforced by S3 itself.
 */
public final class PostPolicySigner {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private final AwsCredentialsProvider credentials;
    private final String region;
    /** Where forms are posted: {@code https://<bucket>.s3.<region>.amazonaws.com}, or a local server's bucket path. */
    private final URI bucketUrl;
    private final String bucket;
    private final ObjectMapper json;

    public PostPolicySigner(AwsCredentialsProvider credentials, String region, String bucket, URI bucketUrl, ObjectMapper json) {
        this.credentials = credentials;
        this.region = region;
        this.bucket = bucket;
        this.bucketUrl = bucketUrl;
        this.json = json;
    }

    /** The bucket's address in AWS (virtual-hosted style), or under a local endpoint (path style). */
    public static URI bucketUrl(String bucket, String region, String localEndpoint) {
        return localEndpoint == null
                ? URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com/")
                : URI.create(localEndpoint.replaceAll("/+$", "") + "/" + bucket);
    }

    /** A form for exactly one object, {@code key}, of {@code contentType}, 1 to {@code maxBytes} bytes. */
    UploadForm sign(String key, String contentType, long maxBytes, Instant now, Duration lifetime) {
        AwsCredentials resolved = credentials.resolveCredentials();
        String credential = resolved.accessKeyId() + "/" + DAY.format(now) + "/" + region + "/s3/aws4_request";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", contentType);
        fields.put("x-amz-algorithm", ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", STAMP.format(now));
        if (resolved instanceof AwsSessionCredentials session) {
            fields.put("x-amz-security-token", session.sessionToken());
        }
        Instant expiresAt = now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode policy = json.createObjectNode().put("expiration", expiresAt.toString());
        ArrayNode conditions = policy.putArray("conditions");
        conditions.addObject().put("bucket", bucket);
        fields.forEach((name, value) -> conditions.addObject().put(name, value));
        conditions.addArray().add("content-length-range").add(1).add(maxBytes);
        String encodedPolicy = Base64.getEncoder().encodeToString(policy.toString().getBytes(StandardCharsets.UTF_8));
        fields.put("policy", encodedPolicy);
        fields.put("x-amz-signature", HexFormat.of().formatHex(
                hmac(signingKey(resolved.secretAccessKey(), DAY.format(now)), encodedPolicy)));
        return new UploadForm(bucketUrl.toString(), fields, expiresAt);
    }

    private byte[] signingKey(String secret, String day) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, "s3");
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** How long a form is valid; short, so a form that leaks is soon worthless. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
}
