package com.newsdesk.core.share;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.failure.StrictJson;
import com.newsdesk.core.failure.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A reader's request for a short link: {@code {"channel": "x"}} and nothing else. */
public record ShareLinkRequest(ShareChannel channel) {
    private static final String EXAMPLE = "{\"channel\": \"x\"}";

    /** Parses the body strictly (the mapper decides duplicates, depth and trailing data); every problem at once. */
    public static ShareLinkRequest parse(byte[] body, ObjectMapper mapper) {
        JsonNode tree = StrictJson.read(mapper, body, EXAMPLE);
        if (!tree.isObject()) {
            throw new InvalidShareRequest(List.of(new Violation("", "must be a JSON object such as " + EXAMPLE)));
        }
        List<Violation> violations = new ArrayList<>();
        StrictJson.unknownFields(tree, "", Set.of("channel"), violations);
        JsonNode channelNode = tree.get("channel");
        ShareChannel channel = null;
        if (channelNode == null) {
            violations.add(new Violation("/channel", "is required: one of " + ShareChannel.WIRE_NAMES));
        } else {
            channel = channelNode.isTextual() ? ShareChannel.fromWire(channelNode.textValue()) : null;
            if (channel == null) {
                violations.add(new Violation("/channel", "must be one of " + ShareChannel.WIRE_NAMES));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidShareRequest(violations);
        }
        return new ShareLinkRequest(channel);
    }
}
