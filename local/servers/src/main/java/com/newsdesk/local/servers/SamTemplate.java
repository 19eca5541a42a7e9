package com.newsdesk.local.servers;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code template.yaml} as CloudFormation reads it: short-form intrinsics ({@code !Ref X}, {@code !Sub s},
 * {@code !GetAtt A.B}) become their JSON form ({@code {"Ref": "X"}}, {@code {"Fn::Sub": s}},
 * {@code {"Fn::GetAtt": ["A", "B"]}}), so the tree can be validated against the SAM schema and read locally.
 */
public final class SamTemplate {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode json;

    private SamTemplate(JsonNode json) {
        this.json = json;
    }

    /** The template of the checkout this JVM runs in. */
    public static SamTemplate ofRepository() {
        return read(Repository.root().resolve("template.yaml"));
    }

    public static SamTemplate read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public static SamTemplate parse(Reader yaml) throws IOException {
        try (YAMLParser parser = YAML.createParser(yaml)) {
            parser.nextToken();
            return new SamTemplate(readValue(parser));
        }
    }

    /** The whole template, intrinsic functions in their JSON form. */
    public JsonNode json() {
        return json;
    }

    /** Resources of one type by logical id, in template order. */
    public Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        json.path("Resources").fields().forEachRemaining(resource -> {
            if (type.equals(resource.getValue().path("Type").asText())) {
                found.put(resource.getKey(), resource.getValue());
            }
        });
        return found;
    }

    public JsonNode parameters() {
        return json.path("Parameters");
    }

    /** A function property as SAM applies it: the function's own value, else the one from Globals. */
    public JsonNode functionProperty(JsonNode function, String name) {
        JsonNode own = function.path("Properties").path(name);
        return own.isMissingNode() ? json.path("Globals").path("Function").path(name) : own;
    }

    private static JsonNode readValue(YAMLParser parser) throws IOException {
        String tag = parser.getTypeId();
        JsonNode value = switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, readValue(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser));
                }
                yield array;
            }
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
        // YAML's own tags (!!str and friends) arrive as full URIs; CloudFormation's are short names.
        return tag == null || tag.contains(":") ? value : intrinsic(tag, value);
    }

    private static JsonNode intrinsic(String tag, JsonNode argument) {
        ObjectNode function = NODES.objectNode();
        switch (tag) {
            case "Ref", "Condition" -> function.set(tag, argument);
            case "GetAtt" -> {
                if (argument.isTextual()) {
                    String[] resourceAndAttribute = argument.asText().split("\\.", 2);
                    if (resourceAndAttribute.length != 2) {
                        throw new IllegalArgumentException("!GetAtt " + argument.asText() + " is not Resource.Attribute");
                    }
                    function.set("Fn::GetAtt", NODES.arrayNode().add(resourceAndAttribute[0]).add(resourceAndAttribute[1]));
                } else {
                    function.set("Fn::GetAtt", argument);
                }
            }
            default -> function.set("Fn::" + tag, argument);
        }
        return function;
    }
}
