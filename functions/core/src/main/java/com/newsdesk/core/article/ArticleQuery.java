package com.newsdesk.core.article;

import com.newsdesk.core.failure.DomainException;
import java.util.Optional;

/** The filters of {@code GET /api/articles}: all optional; {@code cursor} is the opaque token of the previous page. */
public record ArticleQuery(ArticleStatus status, String section, int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static ArticleQuery parse(Optional<String> status, Optional<String> section, Optional<String> limit, Optional<String> cursor) {
        ArticleStatus parsedStatus = null;
        if (status.isPresent()) {
            parsedStatus = ArticleStatus.fromWire(status.get());
            if (parsedStatus == null) {
                throw new InvalidQuery("status must be draft, published or unpublished.");
            }
        }
        if (section.isPresent()) {
            try {
                Slug.of(section.get());
            } catch (InvalidSlug e) {
                throw new InvalidQuery("section must be a section slug such as news or city.");
            }
        }
        int parsedLimit = parseLimit(limit, DEFAULT_LIMIT);
        if (cursor.isPresent() && (cursor.get().isEmpty() || cursor.get().length() > 2048)) {
            throw new InvalidQuery("cursor must be the nextCursor of a previous page.");
        }
        return new ArticleQuery(parsedStatus, section.orElse(null), parsedLimit, cursor.orElse(null));
    }

    /** The {@code limit} of a paginated list: a whole number from 1 to {@link #MAX_LIMIT}, {@code fallback} if absent. */
    public static int parseLimit(Optional<String> limit, int fallback) {
        if (limit.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(limit.get());
            if (parsed >= 1 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQuery("limit must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    public static final class InvalidQuery extends DomainException {
        public InvalidQuery(String detail) {
            super(Kind.MALFORMED, detail);
        }

        @Override
        public String title() {
            return "Invalid query";
        }
    }
}
