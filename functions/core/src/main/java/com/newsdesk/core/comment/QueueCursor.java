package com.newsdesk.core.comment;

import com.newsdesk.core.article.ArticleQuery;
import com.newsdesk.core.article.InvalidSlug;
import com.newsdesk.core.article.Slug;

/**
 * Where a page of the moderation queue ended: {@code <slug>.<comment id>} (neither may hold a dot). A cursor can only
 * name a comment position; it is checked, not trusted.
 */
public record QueueCursor(Slug slug, CommentId id) {

    public static QueueCursor parse(String value) {
        int dot = value.indexOf('.');
        try {
            if (dot > 0) {
                Slug slug = Slug.of(value.substring(0, dot));
                return CommentId.parse(value.substring(dot + 1)).map(id -> new QueueCursor(slug, id)).orElseThrow(QueueCursor::invalid);
            }
        } catch (InvalidSlug e) {
            // reported below
        }
        throw invalid();
    }

    public String value() {
        return slug.value() + "." + id.value();
    }

    private static ArticleQuery.InvalidQuery invalid() {
        return new ArticleQuery.InvalidQuery("cursor must be the nextCursor of a previous page of the same queue.");
    }
}
