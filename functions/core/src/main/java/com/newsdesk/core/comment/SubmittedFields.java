package com.newsdesk.core.comment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.failure.MalformedJson;
import com.newsdesk.core.failure.StrictJson;
import com.newsdesk.core.failure.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reader sent through a public form (a comment, a newsletter sign-up), before any rule is applied: a JSON
 * object or the fields of the page's HTML form, as text. An error page shows these values back, so they are kept
 * exactly as sent; the page escapes them.
 *
 * @param problems fields that are not text, or not fields of this form at all; reported with the rule violations
 */
public record SubmittedFields(Map<String, String> values, List<Violation> problems) {

    public SubmittedFields {
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
    }

    /** The value of a field, {@code null} when it was not sent. */
    public String get(String field) {
        return values.get(field);
    }

    /** The fields of a form post (already URL-decoded); names outside {@code known} are problems. */
    public static SubmittedFields ofForm(Map<String, String> form, Set<String> known) {
        List<Violation> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (known.contains(name)) {
                values.put(name, value);
            } else {
                problems.add(unknown(name));
            }
        });
        return new SubmittedFields(values, problems);
    }

    /** A JSON object of text fields; {@code null} counts as not sent. */
    public static SubmittedFields ofJson(ObjectMapper mapper, byte[] body, Set<String> known) {
        JsonNode tree = StrictJson.read(mapper, body, "a JSON object of text fields");
        if (!tree.isObject()) {
            throw new MalformedJson("Send a JSON object of text fields.");
        }
        List<Violation> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        tree.fields().forEachRemaining(field -> {
            if (!known.contains(field.getKey())) {
                problems.add(unknown(field.getKey()));
            } else if (field.getValue().isTextual()) {
                values.put(field.getKey(), field.getValue().textValue());
            } else if (!field.getValue().isNull()) {
                problems.add(new Violation("/" + field.getKey(), "must be a string"));
            }
        });
        return new SubmittedFields(values, problems);
    }

    private static Violation unknown(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        // RFC 6901: '~' and '/' are escaped inside a pointer's reference token
        return new Violation("/" + shown.replace("~", "~0").replace("/", "~1"), "is not a field of this form");
    }
}
