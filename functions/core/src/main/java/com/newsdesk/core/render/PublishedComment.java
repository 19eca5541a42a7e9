package com.newsdesk.core.render;

import java.time.Instant;
import java.util.List;

/** An approved comment as the article page shows it; never carries the commenter's e-mail address. */
public record PublishedComment(String id, String name, Instant postedAt, String body, List<PublishedComment> replies) {
    public PublishedComment {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }
}
