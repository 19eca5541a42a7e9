package com.newsdesk.core.failure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.failure.MalformedJson;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a request body as one JSON document, strictly (the mapper refuses duplicate keys, trailing content and deep
 * nesting), and turns every way it can fail into a {@link MalformedJson} that says where and what to send. The one
 * reader of the article, share-link, comment, newsletter and moderation bodies.
 */
public final class StrictJson {
    private StrictJson() {}

    /** @param expected what to send, for the message, e.g. "the article as JSON" */
    public static JsonNode read(ObjectMapper mapper, byte[] body, String expected) {
        if (body == null || body.length == 0) {
            throw new MalformedJson("The request has no body; send " + expected + ".");
        }
        try (JsonParser parser = mapper.createParser(body)) {
            JsonNode tree = mapper.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedJson("The request has no body; send " + expected + ".");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw new MalformedJson("The JSON nests deeper than "
                    + mapper.getFactory().streamReadConstraints().getMaxNestingDepth() + " levels; send " + expected + ".");
        } catch (JsonEOFException e) {
            throw new MalformedJson("The JSON ends too early" + where(e) + "; send " + expected + ".");
        } catch (JsonProcessingException e) {
            throw new MalformedJson("The body is not well-formed UTF-8 JSON" + where(e) + reason(e) + "; send " + expected + ".");
        } catch (IOException e) {
            throw new MalformedJson("The body could not be read as JSON.");
        }
    }

    /** Our words for the usual mistakes; Jackson's own message names its classes and may quote the input at length. */
    private static String reason(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field")) {
            return ": a key appears twice in one object";
        }
        if (original.startsWith("Trailing token")) {
            return ": more follows the JSON value";
        }
        return "";
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Adds a violation for each field of {@code object} (at pointer {@code at}) that is not one of {@code known}. */
    public static void unknownFields(JsonNode object, String at, Set<String> known, List<Violation> violations) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                violations.add(new Violation(at + "/" + name.replace("~", "~0").replace("/", "~1"), "is not a known field"));
            }
        }
    }
}
