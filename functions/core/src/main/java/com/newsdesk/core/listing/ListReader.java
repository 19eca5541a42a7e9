package com.newsdesk.core.listing;

import java.util.List;

/**
 * What the pages around the articles read from the lists: where a list stands, its newest stories and a range of
 * them. {@link ListStore} answers from DynamoDB when a publish refreshes a few pages; a site rebuild answers from
 * memory for all of them.
 */
public interface ListReader {

    ListStore.Head head(ListName list);

    /** The newest {@code count} stories, newest first. */
    List<ListEntry> newest(ListName list, int count);

    /** Stories with {@code from <= seq <= to}, newest first. */
    List<ListEntry> range(ListName list, long from, long to);
}
