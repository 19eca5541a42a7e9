package com.newsdesk.core.publish;

import com.newsdesk.core.media.PublicBucket;
import java.util.List;

/** The bucket the CDN serves readers from. Writes are skipped when the stored bytes are already the same. */
public interface SiteBucket extends PublicBucket {

    /** Stores the object unless one with the same content hash is there; true if it wrote. */
    @Override
    boolean put(String key, byte[] body, String contentType, String cacheControl);

    /**
     * As {@link #put(String, byte[], String, String)}, with the object's CDN cache tags (what it shows, see
     * {@link com.newsdesk.core.cdn.CacheTags}). A bucket no CDN purges by tag may ignore them.
     */
    default boolean put(String key, byte[] body, String contentType, String cacheControl, List<String> cacheTags) {
        return put(key, body, contentType, cacheControl);
    }

    /**
     * Stores the page left at a taken-down article's key, marked {@value #GONE_METADATA} so that the CDN answers it
     * with 410 rather than 200 (the distribution's viewer-response function and the local edge both read
     * {@code x-amz-meta-gone}). A bucket without object metadata stores it as a plain page. True if it wrote.
     */
    default boolean putGone(String key, byte[] body, String contentType, String cacheControl, List<String> cacheTags) {
        return put(key, body, contentType, cacheControl, cacheTags);
    }

    /**
     * Stores the object left at an old address of a moved story, marked {@value #REDIRECT_METADATA} with the story's
     * current path, so that the CDN answers it with a 301 there (the viewer-response function and the local edge
     * read {@code x-amz-meta-redirect}). A bucket without object metadata stores it as a plain page. True if it wrote.
     */
    default boolean putRedirect(String key, String location, byte[] body, String contentType, String cacheControl,
                                List<String> cacheTags) {
        return put(key, body, contentType, cacheControl, cacheTags);
    }

    /** Object metadata naming the page of a taken-down article; S3 returns it as {@code x-amz-meta-gone: true}. */
    String GONE_METADATA = "gone";

    /** Object metadata naming where a moved story now is; S3 returns it as {@code x-amz-meta-redirect: /world/slug/}. */
    String REDIRECT_METADATA = "redirect";
}
