package com.newsdesk.core.media;

/** An uploaded file that is no photo we publish; the reason is recorded on the item for the editor to read. */
public final class ImageRefused extends Exception {
    public ImageRefused(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
