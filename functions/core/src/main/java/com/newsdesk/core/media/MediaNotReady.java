package com.newsdesk.core.media;

import com.newsdesk.core.failure.DomainException;

/** A replacement asked for a photo that has no variants yet (its first upload is awaited, or was refused). */
public final class MediaNotReady extends DomainException {
    MediaNotReady(MediaItem item) {
        super(Kind.CONFLICT, "The photo " + item.id() + " is " + item.status().wireName()
                + "; only a ready photo can be replaced (upload a new one instead).");
    }

    @Override
    public String title() {
        return "Media not ready";
    }
}
