package com.newsdesk.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Every object of a bucket as readers get it: key, content type, cache control, the gone and redirect marks and the bytes
 * (text as text, images in Base64). Short link codes and the nonce of comment ids are drawn at random, so two runs of
 * the same steps differ in them and nowhere else: they are masked.
 */
public final class BucketSnapshot {
    private static final Pattern SHORT_LINK = Pattern.compile("(/|%2F)s(/|%2F)[A-Za-z0-9]{8}");
    private static final Pattern COMMENT_ID = Pattern.compile("([0-9]{17})-[0-9a-z]{8}");

    private BucketSnapshot() {}

    public static Map<String, String> of(S3Client s3, String bucket) {
        Map<String, String> objects = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket)).contents()) {
            var stored = s3.getObjectAsBytes(get -> get.bucket(bucket).key(object.key()));
            String type = String.valueOf(stored.response().contentType());
            String body = type.startsWith("image/") && !type.startsWith("image/svg")
                    ? Base64.getEncoder().encodeToString(stored.asByteArray()) : stored.asString(StandardCharsets.UTF_8);
            objects.put(object.key(), stored.response().contentType() + " | " + stored.response().cacheControl()
                    + " | gone=" + stored.response().metadata().getOrDefault("gone", "false")
                    + " | redirect=" + stored.response().metadata().getOrDefault("redirect", "") + "\n"
                    + COMMENT_ID.matcher(SHORT_LINK.matcher(body).replaceAll("$1s$2<code>")).replaceAll("$1-<nonce>"));
        }
        return objects;
    }
}
