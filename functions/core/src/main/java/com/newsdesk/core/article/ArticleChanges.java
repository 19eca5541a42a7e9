package com.newsdesk.core.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jsonpatch.diff.JsonDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What changed from one version of an article to another: the RFC 6902 patch that turns the older document into the
 * newer, and the top-level fields and body blocks (numbered from 1) it touches, for people to read.
 */
public record ArticleChanges(JsonNode patch, List<String> fields, List<Integer> blocks) {
    private static final String BODY = "body";

    public ArticleChanges {
        fields = List.copyOf(fields);
        blocks = List.copyOf(blocks);
    }

    /** Both documents as {@link ArticleJson} writes them. */
    public static ArticleChanges between(JsonNode from, JsonNode to) {
        JsonNode patch = JsonDiff.asJson(from, to);
        List<String> fields = new ArrayList<>();
        SortedSet<Integer> blocks = new TreeSet<>();
        for (JsonNode operation : patch) {
            String[] segments = operation.path("path").asText().split("/", -1);
            String field = segments.length > 1 ? segments[1] : "";
            if (field.equals(BODY) && segments.length > 2 && segments[2].matches("[0-9]{1,9}")) {
                blocks.add(Integer.parseInt(segments[2]) + 1);
            } else if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return new ArticleChanges(patch, fields, List.copyOf(blocks));
    }

    public boolean none() {
        return patch.isEmpty();
    }

    /** One line, e.g. {@code Changed title, dek, blocks 2 and 5}; {@code No changes} for an identical save. */
    public String summary() {
        if (none()) {
            return "No changes";
        }
        List<String> parts = new ArrayList<>(fields);
        if (!blocks.isEmpty()) {
            parts.add((blocks.size() == 1 ? "block " : "blocks ") + joined(blocks.stream().map(String::valueOf).toList()));
        }
        return "Changed " + String.join(", ", parts);
    }

    private static String joined(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
