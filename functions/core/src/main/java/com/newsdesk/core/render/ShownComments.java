package com.newsdesk.core.render;

import java.util.List;

/**
 * The approved comments an article page shows: the newest threads, oldest first, replies under their parent.
 *
 * @param more there are older approved comments than the page shows
 */
public record ShownComments(List<PublishedComment> threads, boolean more) {
    public static final ShownComments NONE = new ShownComments(List.of(), false);

    public ShownComments {
        threads = List.copyOf(threads);
    }
}
