package com.newsdesk.core.publish;

/** The bucket the CDN serves readers from. Writes are skipped when the stored bytes are already the same. */
public interface SiteBucket {

    /** Stores the object unless one with the same content hash is there; true if it wrote. */
    boolean put(String key, byte[] body, String contentType, String cacheControl);

    /** Removes the object if present; true if there was one. */
    boolean delete(String key);
}
