package com.newsdesk.core.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.failure.StrictJson;
import com.newsdesk.core.failure.Violation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An editor's schedule: {@code {"publishAt": "2026-12-01T06:00:00+01:00", "unpublishAt": "..."}}, either or both,
 * each an ISO 8601 date-time with its offset (a time without one would mean different minutes to different editors)
 * and in the future.
 */
public record ScheduleRequest(Optional<Instant> publishAt, Optional<Instant> unpublishAt) {
    private static final String EXAMPLE = "{\"publishAt\": \"2026-12-01T06:00:00+01:00\", \"unpublishAt\": \"2026-12-08T06:00:00+01:00\"}";
    private static final Set<String> FIELDS = Set.of("publishAt", "unpublishAt");

    /** Every problem of the body at once; {@code now} decides what is in the past. */
    public static ScheduleRequest parse(byte[] body, ObjectMapper mapper, Instant now) {
        JsonNode tree = StrictJson.read(mapper, body, EXAMPLE);
        if (!tree.isObject()) {
            throw new InvalidSchedule(List.of(new Violation("", "must be a JSON object such as " + EXAMPLE)));
        }
        List<Violation> violations = new ArrayList<>();
        StrictJson.unknownFields(tree, "", FIELDS, violations);
        Optional<Instant> publishAt = instant(tree, "publishAt", now, violations);
        Optional<Instant> unpublishAt = instant(tree, "unpublishAt", now, violations);
        if (!tree.has("publishAt") && !tree.has("unpublishAt")) {
            violations.add(new Violation("/publishAt", "or unpublishAt is required, e.g. " + EXAMPLE));
        }
        if (publishAt.isPresent() && unpublishAt.isPresent() && !unpublishAt.get().isAfter(publishAt.get())) {
            violations.add(new Violation("/unpublishAt", "must be after publishAt"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSchedule(violations);
        }
        return new ScheduleRequest(publishAt, unpublishAt);
    }

    private static Optional<Instant> instant(JsonNode tree, String field, Instant now, List<Violation> violations) {
        JsonNode node = tree.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            violations.add(new Violation("/" + field, "must be a string: a date-time with its offset, e.g. 2026-12-01T06:00:00+01:00"));
            return Optional.empty();
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(node.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation("/" + field, "must be an ISO 8601 date-time with its offset, e.g. 2026-12-01T06:00:00+01:00 or 2026-12-01T05:00:00Z"));
            return Optional.empty();
        }
        if (!at.isAfter(now)) {
            violations.add(new Violation("/" + field, "must be in the future"));
            return Optional.empty();
        }
        return Optional.of(at);
    }
}
