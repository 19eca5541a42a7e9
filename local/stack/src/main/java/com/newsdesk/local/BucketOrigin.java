package com.newsdesk.local;

import com.newsdesk.core.cdn.CacheTags;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The site bucket as the edge's origin: single objects by key, never a listing. Counts what it reads, for tests. */
final class BucketOrigin {
    private final S3Client s3;
    private final String bucket;
    private final AtomicLong fetches = new AtomicLong();

    BucketOrigin(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The object, or empty if there is none at this key. */
    Optional<OriginObject> fetch(String key) {
        return get(key, null);
    }

    /** A conditional GET: empty if the object still has {@code eTag}, else what is there now (or a 404). */
    Optional<Optional<OriginObject>> revalidate(String key, String eTag) {
        try {
            return Optional.of(get(key, eTag));
        } catch (S3Exception e) {
            if (e.statusCode() == 304) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** GETs sent to the bucket so far, conditional ones included. */
    long fetches() {
        return fetches.get();
    }

    private Optional<OriginObject> get(String key, String ifNoneMatch) {
        fetches.incrementAndGet();
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key).ifNoneMatch(ifNoneMatch));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        GetObjectResponse response = object.response();
        String tags = response.metadata().getOrDefault(CacheTags.METADATA, "");
        return Optional.of(new OriginObject(object.asByteArray(), response.contentType(), response.cacheControl(),
                response.eTag(), response.lastModified(),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")), response.metadata()));
    }
}
