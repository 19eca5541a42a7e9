package com.newsdesk.core.author;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.article.ControlCharacters;
import com.newsdesk.core.failure.StrictJson;
import com.newsdesk.core.failure.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An editor's author profile, the body of {@code PUT /api/authors/{slug}}: a name, and optionally a role, a short
 * bio (plain text), a photo and a few links. Photos and links are https URLs only, so no profile can carry a
 * {@code javascript:} link onto the site; unknown fields are refused rather than dropped.
 */
public record AuthorRequest(String name, String role, String bio, AuthorProfile.Portrait image, List<String> links) {
    public static final int MAX_NAME = 120;
    public static final int MAX_BIO = 600;
    public static final int MAX_LINKS = 5;
    private static final int MAX_URL = 2048;
    private static final int MAX_ALT = 300;
    private static final String EXAMPLE = "{\"name\": \"Priya Sharma\", \"role\": \"Transport correspondent\"}";
    private static final Set<String> FIELDS = Set.of("name", "role", "bio", "image", "links");
    private static final Set<String> IMAGE_FIELDS = Set.of("src", "alt");

    public AuthorRequest {
        links = List.copyOf(links);
    }

    /** Every problem of the body at once. */
    public static AuthorRequest parse(byte[] body, ObjectMapper mapper) {
        JsonNode tree = StrictJson.read(mapper, body, "the author profile as JSON, e.g. " + EXAMPLE);
        if (!tree.isObject()) {
            throw new InvalidAuthor(List.of(new Violation("", "must be a JSON object such as " + EXAMPLE)));
        }
        List<Violation> violations = new ArrayList<>();
        StrictJson.unknownFields(tree, "", FIELDS, violations);
        ControlCharacters.find(tree, "", violations);
        String name = text(tree, "/name", MAX_NAME, violations);
        if (tree.get("name") == null) {
            violations.add(new Violation("/name", "is required"));
        } else if (name != null && name.isBlank()) {
            violations.add(new Violation("/name", "must not be blank"));
        }
        String role = text(tree, "/role", MAX_NAME, violations);
        String bio = text(tree, "/bio", MAX_BIO, violations);
        AuthorProfile.Portrait image = image(tree.get("image"), violations);
        List<String> links = links(tree.get("links"), violations);
        if (!violations.isEmpty()) {
            throw new InvalidAuthor(violations);
        }
        return new AuthorRequest(name.strip(), role, bio, image, links);
    }

    private static AuthorProfile.Portrait image(JsonNode image, List<Violation> violations) {
        if (image == null) {
            return null;
        }
        if (!image.isObject()) {
            violations.add(new Violation("/image", "must be an object: {\"src\": \"https://...\", \"alt\": \"...\"}"));
            return null;
        }
        StrictJson.unknownFields(image, "/image", IMAGE_FIELDS, violations);
        String src = httpsUrl(image.get("src"), "/image/src", violations);
        String alt = text(image, "/image/alt", MAX_ALT, violations);
        if (image.get("alt") == null) {
            violations.add(new Violation("/image/alt", "is required: describe the photo for readers who cannot see it"));
        }
        return src == null || alt == null ? null : new AuthorProfile.Portrait(src, alt);
    }

    private static List<String> links(JsonNode links, List<Violation> violations) {
        if (links == null) {
            return List.of();
        }
        if (!links.isArray()) {
            violations.add(new Violation("/links", "must be an array of https URLs"));
            return List.of();
        }
        if (links.size() > MAX_LINKS) {
            violations.add(new Violation("/links", "has " + links.size() + " links; at most " + MAX_LINKS + " are shown"));
        }
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            String url = httpsUrl(links.get(i), "/links/" + i, violations);
            if (url != null) {
                urls.add(url);
            }
        }
        return urls;
    }

    /** An absolute https URL with a host: anything else (javascript:, data:, relative) is refused. */
    private static String httpsUrl(JsonNode node, String pointer, List<Violation> violations) {
        if (node == null) {
            violations.add(new Violation(pointer, "is required"));
            return null;
        }
        String message = "must be an https URL, e.g. https://news.example/staff/priya.jpg";
        if (!node.isTextual() || node.textValue().length() > MAX_URL) {
            violations.add(new Violation(pointer, message + " (at most " + MAX_URL + " characters)"));
            return null;
        }
        try {
            URI uri = new URI(node.textValue());
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return node.textValue();
            }
        } catch (URISyntaxException e) {
            // reported below, as any other URL we do not take
        }
        violations.add(new Violation(pointer, message));
        return null;
    }

    private static String text(JsonNode parent, String pointer, int maxLength, List<Violation> violations) {
        JsonNode node = parent.get(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new Violation(pointer, "must be a string"));
            return null;
        }
        if (node.textValue().length() > maxLength) {
            violations.add(new Violation(pointer, "must be at most " + maxLength + " characters long"));
            return null;
        }
        return node.textValue();
    }
}
