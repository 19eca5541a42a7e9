package com.newsdesk.core.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import com.newsdesk.core.failure.Violation;

/**
 * {@code article.schema.json}, the published contract, compiled once. A body block is a {@code oneOf} over the
 * block kinds, so a validator reports a miss against every kind; editors only want the errors for the kind they
 * wrote, so those are kept and the rest dropped.
 */
final class ArticleSchema {
    private static final String RESOURCE = "/contract/article.schema.json";
    private static final Pattern ONE_OF_BRANCH = Pattern.compile("/oneOf/(\\d+)/");
    /** Where an image chooses between an address and a library photo; its raw errors name schema fragments. */
    private static final String IMAGE_CHOICE = "/image/$ref/oneOf";
    private static final String IMAGE_CHOICE_MESSAGE = "must name either src (an address; width and height optional)"
            + " or media (a library photo's id, without width or height: its variants give them), not both";

    private final Schema schema;
    /** Block {@code type} to the index of its branch in the schema's {@code oneOf} of blocks. */
    private final Map<String, Integer> branchOfType = new HashMap<>();

    ArticleSchema() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        try (InputStream in = ArticleSchema.class.getResourceAsStream(RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.schema = registry.getSchema(text, InputFormat.JSON);
            JsonNode definitions = new ObjectMapper().readTree(text).path("$defs");
            JsonNode branches = definitions.path("block").path("oneOf");
            for (int i = 0; i < branches.size(); i++) {
                String definition = branches.get(i).path("$ref").asText().replace("#/$defs/", "");
                branchOfType.put(definitions.path(definition).path("properties").path("type").path("const").asText(), i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Violation> validate(JsonNode article) {
        Set<Violation> kept = new LinkedHashSet<>();
        for (Error error : schema.validate(article)) {
            String pointer = error.getInstanceLocation().toString();
            if (belongsToAnotherBlockKind(error, article)) {
                continue;
            }
            boolean imageChoice = error.getEvaluationPath().toString().contains(IMAGE_CHOICE);
            kept.add(new Violation(pointer.isEmpty() ? "" : pointer, imageChoice ? IMAGE_CHOICE_MESSAGE : message(error)));
        }
        return new ArrayList<>(kept);
    }

    private static String message(Error error) {
        String message = error.getMessage();
        // networknt prefixes the instance location; the pointer already says where.
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith("/") || message.startsWith(": ") ? message.substring(colon + 2) : message;
    }

    /**
     * True for an error raised while trying a block kind other than the one the block declares, and for the
     * summary "must match one schema" when the declared kind's own errors say what is wrong.
     */
    private boolean belongsToAnotherBlockKind(Error error, JsonNode article) {
        Matcher branch = ONE_OF_BRANCH.matcher(error.getEvaluationPath().toString() + "/");
        boolean inBranch = branch.find();
        if (!inBranch && !"oneOf".equals(error.getKeyword())) {
            return false;
        }
        Integer declared = branchOfType.get(declaredType(error.getInstanceLocation().toString(), article));
        if (declared == null) {
            return false;
        }
        return !inBranch || Integer.parseInt(branch.group(1)) != declared;
    }

    /** The {@code type} of the body block an instance location lies in, if it names a known kind. */
    private static String declaredType(String pointer, JsonNode article) {
        if (!pointer.startsWith("/body/")) {
            return null;
        }
        String[] parts = pointer.split("/");
        if (parts.length < 3) {
            return null;
        }
        JsonNode block = article.path("body").path(parseIndex(parts[2]));
        JsonNode type = block.path("type");
        if (!type.isTextual()) {
            return null;
        }
        return type.asText();
    }

    private static int parseIndex(String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
