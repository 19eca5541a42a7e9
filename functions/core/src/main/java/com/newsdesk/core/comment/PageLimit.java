package com.newsdesk.core.comment;

import com.newsdesk.core.article.ArticleQuery;
import java.util.Optional;

/** The {@code limit} query parameter of a paginated list: a whole number from 1 to 100. */
final class PageLimit {
    static final int MAX = 100;

    private PageLimit() {}

    static int parse(Optional<String> limit, int fallback) {
        if (limit.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(limit.get());
            if (parsed >= 1 && parsed <= MAX) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ArticleQuery.InvalidQuery("limit must be a whole number from 1 to " + MAX + ".");
    }
}
