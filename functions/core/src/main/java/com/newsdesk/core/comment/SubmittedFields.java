package com.newsdesk.core.comment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.article.MalformedJson;
import com.newsdesk.core.failure.Violation;
import java.io.IOException;
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
        JsonNode tree = parse(mapper, body);
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

    /** Parses a body strictly: the mapper refuses duplicate keys, trailing content and deep nesting. */
    private static JsonNode parse(ObjectMapper mapper, byte[] body) {
        if (body.length == 0) {
            throw new MalformedJson("The request has no body; send a JSON object.");
        }
        try (JsonParser parser = mapper.createParser(body)) {
            JsonNode tree = mapper.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedJson("The request has no body; send a JSON object.");
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new MalformedJson("The body is not well-formed UTF-8 JSON" + where + ".");
        } catch (IOException e) {
            throw new MalformedJson("The body could not be read as JSON.");
        }
    }

    private static Violation unknown(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        // RFC 6901: '~' and '/' are escaped inside a pointer's reference token
        return new Violation("/" + shown.replace("~", "~0").replace("/", "~1"), "is not a field of this form");
    }
}
