package com.newsdesk.core.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.core.failure.Violation;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Control characters (other than tab, line feed and carriage return) are invalid in HTML and XML 1.0 alike; JSON
 * can carry them, so they are refused where they enter rather than breaking the pages, feeds and sitemaps later.
 */
public final class ControlCharacters {
    private ControlCharacters() {}

    public static void find(JsonNode node, String pointer, List<Violation> violations) {
        if (node.isTextual()) {
            if (hasControlCharacter(node.textValue())) {
                violations.add(new Violation(pointer, "contains a control character"));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                find(node.get(i), pointer + "/" + i, violations);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                find(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), violations);
            }
        }
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || c == 0xfffe || c == 0xffff) {
                return true;
            }
        }
        return false;
    }
}
