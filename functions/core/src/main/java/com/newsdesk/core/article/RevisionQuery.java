package com.newsdesk.core.article;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A page of {@code GET /api/articles/{slug}/revisions}: at most {@code limit} versions, from {@code startAt} (the
 * newest on the page; {@code null} for the current version) down. The opaque {@code cursor} carries that version.
 */
public record RevisionQuery(int limit, Long startAt) {
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");
    private static final String CURSOR_PREFIX = "v";

    public static RevisionQuery parse(Optional<String> limit, Optional<String> cursor) {
        int parsedLimit = ArticleQuery.parseLimit(limit, ArticleQuery.DEFAULT_LIMIT);
        return new RevisionQuery(parsedLimit, cursor.map(RevisionQuery::decodeCursor).orElse(null));
    }

    /** A version named in the path or query, {@code name} saying which parameter it came from. */
    public static long version(String name, String value) {
        if (value == null || !VERSION.matcher(value).matches()) {
            throw new ArticleQuery.InvalidQuery(name + " must be a version number: a whole number from 1, e.g. 3.");
        }
        return Long.parseLong(value);
    }

    /** The cursor of the page that starts at {@code version}. */
    static String cursorAt(long version) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + version).getBytes(StandardCharsets.UTF_8));
    }

    private static long decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (cursor.length() <= 32 && text.startsWith(CURSOR_PREFIX)
                    && VERSION.matcher(text.substring(CURSOR_PREFIX.length())).matches()) {
                return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ArticleQuery.InvalidQuery("cursor must be the nextCursor of a previous page.");
    }
}
