package com.newsdesk.core.publish;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import com.newsdesk.core.cdn.CacheTags;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@link SiteBucket} on S3. The SHA-256 of each object's bytes is kept in its metadata, so unchanged pages cost one HEAD. */
public final class S3SiteBucket implements SiteBucket {
    static final String HASH_METADATA = "content-sha256";

    private final S3Client s3;
    private final String bucket;

    public S3SiteBucket(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public boolean put(String key, byte[] body, String contentType, String cacheControl) {
        return put(key, body, contentType, cacheControl, List.of());
    }

    /** Tags are derived from the content, so equal bytes mean equal tags: the hash alone decides. */
    @Override
    public boolean put(String key, byte[] body, String contentType, String cacheControl, List<String> cacheTags) {
        return put(key, body, contentType, cacheControl, cacheTags, Map.of());
    }

    /** The gone page is the same for every article, so an article taken down twice is written once. */
    @Override
    public boolean putGone(String key, byte[] body, String contentType, String cacheControl, List<String> cacheTags) {
        return put(key, body, contentType, cacheControl, cacheTags, Map.of(GONE_METADATA, "true"));
    }

    /** The body names the location, so a changed location is a changed hash. */
    @Override
    public boolean putRedirect(String key, String location, byte[] body, String contentType, String cacheControl,
                               List<String> cacheTags) {
        return put(key, body, contentType, cacheControl, cacheTags, Map.of(REDIRECT_METADATA, location));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(delete -> delete.bucket(bucket).key(key));
    }

    private boolean put(String key, byte[] body, String contentType, String cacheControl, List<String> cacheTags,
                        Map<String, String> marks) {
        String hash = sha256(body);
        if (hash.equals(storedHash(key))) {
            return false;
        }
        Map<String, String> metadata = new HashMap<>();
        metadata.put(HASH_METADATA, hash);
        if (!cacheTags.isEmpty()) {
            metadata.put(CacheTags.METADATA, CacheTags.header(cacheTags));
        }
        metadata.putAll(marks);
        s3.putObject(put -> put.bucket(bucket).key(key)
                        .contentType(contentType)
                        .cacheControl(cacheControl)
                        .metadata(metadata),
                RequestBody.fromBytes(body));
        return true;
    }


    private String storedHash(String key) {
        try {
            HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key(key));
            String hash = head.metadata().get(HASH_METADATA);
            return hash == null ? "" : hash;
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
