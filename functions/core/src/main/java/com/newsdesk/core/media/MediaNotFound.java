package com.newsdesk.core.media;

import com.newsdesk.core.failure.DomainException;

public final class MediaNotFound extends DomainException {
    public MediaNotFound(String id) {
        super(Kind.NOT_FOUND, "There is no media item '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'.");
    }

    @Override
    public String title() {
        return "Media not found";
    }
}
