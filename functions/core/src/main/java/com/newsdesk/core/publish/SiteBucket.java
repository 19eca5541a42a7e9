package com.newsdesk.core.publish;

import java.util.List;

/** The bucket the CDN serves readers from. Writes are skipped when the stored bytes are already the same. */
public interface SiteBucket {

    /** Stores the object unless one with the same content hash is there; true if it wrote. */
    boolean put(String key, byte[] body, String contentType, String cacheControl);

    /**
     * As {@link #put(String, byte[], String, String)}, with the object's CDN cache tags (what it shows, see
     * {@link com.newsdesk.core.cdn.CacheTags}). A bucket no CDN purges by tag may ignore them.
     */
    default boolean put(String key, byte[] body, String contentType, String cacheControl, List<String> cacheTags) {
        return put(key, body, contentType, cacheControl);
    }

    /** Removes the object if present; true if there was one. */
    boolean delete(String key);
}
