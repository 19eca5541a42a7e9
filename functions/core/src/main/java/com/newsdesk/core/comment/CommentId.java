package com.newsdesk.core.comment;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A comment's id, e.g. {@code 20250820093000123-k3j9x2mq}: the moment it was posted (UTC, to the millisecond) and
 * eight random characters. Carrying the moment lets a route that names only the id find the item directly, since
 * the comment's sort key is {@code COMMENT#<postedAt>#<id>}.
 */
public record CommentId(Instant postedAt, String nonce) {
    public static final String SORT_KEY_PREFIX = "COMMENT#";
    private static final Pattern FORM = Pattern.compile("^[0-9]{17}-[0-9a-z]{8}$");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS").withZone(ZoneOffset.UTC);
    /** Fixed width, so that sort keys order by time as strings. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    public CommentId {
        postedAt = postedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static CommentId next(Instant now) {
        StringBuilder nonce = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            nonce.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new CommentId(now, nonce.toString());
    }

    /** The id a client sent, or empty if it cannot be one of ours. */
    public static Optional<CommentId> parse(String value) {
        if (value == null || !FORM.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CommentId(Instant.from(COMPACT.parse(value.substring(0, 17))), value.substring(18)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String value() {
        return COMPACT.format(postedAt) + "-" + nonce;
    }

    /** {@code COMMENT#<postedAt>#<id>}: comments sort oldest first within the article's partition. */
    public String sortKey() {
        return SORT_KEY_PREFIX + sortableTime() + "#" + value();
    }

    public String sortableTime() {
        return SORTABLE.format(postedAt);
    }

    @Override
    public String toString() {
        return value();
    }
}
