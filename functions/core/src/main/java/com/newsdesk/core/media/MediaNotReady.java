package com.newsdesk.core.media;

import com.newsdesk.core.failure.DomainException;

/** A replacement asked for a photo whose upload was refused (or that is gone by the time it is recorded). */
public final class MediaNotReady extends DomainException {
    MediaNotReady(MediaItem item) {
        super(Kind.CONFLICT, "The photo " + item.id() + " is " + item.status().wireName()
                + "; a refused photo cannot be replaced: upload a new one instead.");
    }

    @Override
    public String title() {
        return "Media not ready";
    }
}
