package com.newsdesk.core.media;

/** The bucket readers fetch files from, as far as photos need it: their variants are written there and deleted with them. */
public interface PublicBucket {

    /** Stores the object unless one with the same content is there; true if it wrote. */
    boolean put(String key, byte[] body, String contentType, String cacheControl);

    /** Removes the object, if there is one. */
    void delete(String key);
}
