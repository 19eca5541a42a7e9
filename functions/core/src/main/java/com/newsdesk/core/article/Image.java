package com.newsdesk.core.article;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A picture of an article: at {@code src} (any address), or the photo {@code media} of the newsroom's library,
 * whose variants the page shows; never both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Image(String src, String alt, String caption, String credit, Integer width, Integer height, String media) {

    /** A picture at an address, as articles named them before the library. */
    public Image(String src, String alt, String caption, String credit, Integer width, Integer height) {
        this(src, alt, caption, credit, width, height, null);
    }

    public boolean fromLibrary() {
        return media != null;
    }
}
