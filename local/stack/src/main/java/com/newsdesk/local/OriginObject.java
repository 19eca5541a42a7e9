package com.newsdesk.local;

import java.time.Instant;
import java.util.List;

/**
 * One object as the bucket returned it, with what the edge needs of its metadata: the cache tags it is purged by,
 * and whether it is the page left in place of a taken-down article ({@code x-amz-meta-gone}), served as 410.
 */
record OriginObject(byte[] body, String contentType, String cacheControl, String eTag, Instant lastModified,
                    List<String> cacheTags, boolean gone) {

    OriginObject {
        cacheTags = List.copyOf(cacheTags);
    }
}
