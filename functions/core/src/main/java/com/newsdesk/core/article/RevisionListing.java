package com.newsdesk.core.article;

import java.util.List;

/** A page of an article's revision history, newest first; {@code nextCursor} is {@code null} on the last page. */
public record RevisionListing(List<Revision> items, String nextCursor) {
    public RevisionListing {
        items = List.copyOf(items);
    }
}
