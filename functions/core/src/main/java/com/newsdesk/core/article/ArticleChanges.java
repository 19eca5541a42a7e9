package com.newsdesk.core.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.fge.jsonpatch.diff.JsonDiff;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** Both documents as {@link ArticleJson} writes them; fields are named in the order the documents have them. */
    public static ArticleChanges between(JsonNode from, JsonNode to) {
        JsonNode patch = JsonDiff.asJson(from, to);
        Set<String> changed = new HashSet<>();
        SortedSet<Integer> blocks = new TreeSet<>();
        // an append ("/body/-") lands after the blocks the operations before it left
        int blockCount = from.path(BODY).size();
        for (JsonNode operation : patch) {
            String[] segments = operation.path("path").asText().split("/", -1);
            String field = segments.length > 1 ? segments[1] : "";
            if (!field.equals(BODY) || segments.length < 3) {
                changed.add(field);
                continue;
            }
            boolean wholeBlock = segments.length == 3;
            String op = operation.path("op").asText();
            if (segments[2].equals("-")) {
                blocks.add(++blockCount);
            } else if (segments[2].matches("[0-9]{1,9}")) {
                blocks.add(Integer.parseInt(segments[2]) + 1);
                if (wholeBlock && op.equals("add")) {
                    blockCount++;
                } else if (wholeBlock && op.equals("remove")) {
                    blockCount--;
                }
            }
        }
        List<String> fields = new ArrayList<>();
        from.fieldNames().forEachRemaining(name -> addIfChanged(name, changed, fields));
        to.fieldNames().forEachRemaining(name -> addIfChanged(name, changed, fields));
        return new ArticleChanges(patch, fields, List.copyOf(blocks));
    }

    private static void addIfChanged(String field, Set<String> changed, List<String> fields) {
        if (changed.contains(field) && !fields.contains(field)) {
            fields.add(field);
        }
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
