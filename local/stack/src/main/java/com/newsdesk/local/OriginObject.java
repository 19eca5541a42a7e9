package com.newsdesk.local;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One object as the bucket returned it: its bytes, the headers S3 answers it with, its user metadata (which S3
 * returns as {@code x-amz-meta-<name>}, where the CDN's functions read the publisher's marks) and the cache tags
 * it is purged by.
 */
record OriginObject(byte[] body, String contentType, String cacheControl, String eTag, Instant lastModified,
                    List<String> cacheTags, Map<String, String> metadata) {

    OriginObject {
        cacheTags = List.copyOf(cacheTags);
        metadata = Map.copyOf(metadata);
    }
}
