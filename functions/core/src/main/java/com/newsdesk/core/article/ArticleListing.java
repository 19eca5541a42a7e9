package com.newsdesk.core.article;

import java.time.Instant;
import java.util.List;

/** One page of the editors' article list, newest first. */
public record ArticleListing(List<Summary> items, String nextCursor) {

    public record Summary(String slug, String title, String section, ArticleStatus status, long version,
                          Instant updatedAt, Instant publishedAt) {}
}
