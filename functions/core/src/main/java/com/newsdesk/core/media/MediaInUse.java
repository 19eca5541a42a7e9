package com.newsdesk.core.media;

import com.newsdesk.core.failure.DomainException;
import java.util.List;

/** A delete refused: articles use the photo (or one was being saved with it as the delete ran). */
public final class MediaInUse extends DomainException {
    private MediaInUse(String detail) {
        super(Kind.CONFLICT, detail);
    }

    static MediaInUse by(MediaId id, List<String> slugs) {
        return new MediaInUse("The photo " + id + " is used by " + (slugs.size() == 1 ? "the article " : "the articles ")
                + String.join(", ", slugs) + "; take it out of " + (slugs.size() == 1 ? "it" : "them") + " before deleting it.");
    }

    static MediaInUse meanwhile(MediaId id) {
        return new MediaInUse("The photo " + id + " was put into an article while it was being deleted; it was kept.");
    }

    @Override
    public String title() {
        return "Media in use";
    }
}
