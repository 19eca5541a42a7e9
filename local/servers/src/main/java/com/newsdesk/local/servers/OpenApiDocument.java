package com.newsdesk.local.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code openapi.yaml}, the HTTP API's description, as one self-contained JSON document. The description refers to
 * schema files of the repository (the article schema) rather than copying them; each such file is named by one
 * {@code components.schemas} entry that is nothing but its {@code $ref}. Bundling puts the file's schema in that
 * entry and points every reference to the file (whole or {@code file#/fragment}), and the file's own
 * {@code #/...} references, at it, as a client without the repository needs.
 */
public final class OpenApiDocument {
    public static final String FILE = "openapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMAS = "#/components/schemas/";

    private OpenApiDocument() {}

    /** The description of the checkout this JVM runs in, bundled. */
    public static JsonNode ofRepository() {
        return bundled(Repository.root().resolve(FILE));
    }

    public static JsonNode bundled(Path yaml) {
        try {
            ObjectNode document = (ObjectNode) new YAMLMapper().readTree(yaml.toFile());
            ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
            Map<String, String> componentOfFile = new HashMap<>();
            schemas.fields().forEachRemaining(entry -> {
                JsonNode ref = entry.getValue().path("$ref");
                if (entry.getValue().size() == 1 && ref.isTextual() && !ref.asText().startsWith("#")) {
                    componentOfFile.put(ref.asText(), entry.getKey());
                }
            });
            for (Map.Entry<String, String> file : componentOfFile.entrySet()) {
                ObjectNode schema = (ObjectNode) JSON.readTree(yaml.resolveSibling(file.getKey()).toFile());
                // Its $id would make its own #/... references resolve against the file, which a bundle no longer has.
                schema.remove(List.of("$id", "$schema"));
                pointInternalReferences(schema, SCHEMAS + file.getValue());
                schemas.set(file.getValue(), schema);
            }
            pointExternalReferences(document, componentOfFile);
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + yaml, e);
        }
    }

    private static void pointInternalReferences(JsonNode node, String component) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                ((ObjectNode) node).set("$ref", TextNode.valueOf(component + ref.asText().substring(1)));
            }
        }
        node.forEach(child -> pointInternalReferences(child, component));
    }

    private static void pointExternalReferences(JsonNode node, Map<String, String> componentOfFile) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                String[] fileAndFragment = ref.asText().split("#", 2);
                String component = componentOfFile.get(fileAndFragment[0]);
                if (component == null) {
                    throw new IllegalStateException(FILE + " refers to " + fileAndFragment[0]
                            + ", which no components.schemas entry names alone: add one ({$ref: " + fileAndFragment[0] + "})");
                }
                String fragment = fileAndFragment.length == 2 ? fileAndFragment[1] : "";
                ((ObjectNode) node).set("$ref", TextNode.valueOf(SCHEMAS + component + fragment));
            }
        }
        node.forEach(child -> pointExternalReferences(child, componentOfFile));
    }

    /** For the build: bundles the description given (args[0]) into a JSON file (args[1]). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent());
        JSON.writeValue(out.toFile(), bundled(Path.of(args[0])));
    }
}
