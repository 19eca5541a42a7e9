package com.newsdesk.local.servers;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The events S3 sends a function for a new object, which S3Proxy does not send: the local stack and tests build
 * them for what lands in a bucket. As S3 does, the key is URL-encoded (a space as {@code +}).
 */
public final class S3Notifications {
    private S3Notifications() {}

    public static S3Event objectCreated(String bucket, String key, long size, String eTag) {
        S3EventNotification.S3Entity s3 = new S3EventNotification.S3Entity("local",
                new S3EventNotification.S3BucketEntity(bucket, new S3EventNotification.UserIdentityEntity("local"), "arn:aws:s3:::" + bucket),
                new S3EventNotification.S3ObjectEntity(URLEncoder.encode(key, StandardCharsets.UTF_8), size, eTag, null, null),
                "1.0");
        // no event time: the record would hold it as a Joda DateTime, which the functions do not read
        return new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord(LocalAws.REGION.id(), "ObjectCreated:Post",
                "aws:s3", null, "2.1", null, null, s3, null)));
    }
}
