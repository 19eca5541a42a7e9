package com.newsdesk.core.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.failure.DomainException.Kind;
import com.newsdesk.core.failure.StrictJson;
import com.newsdesk.core.failure.Violation;
import java.util.Iterator;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * An editor's request to upload a photo: {@code {"contentType": "image/jpeg", "size": 2400000}}, the size
 * optional. What the processing would refuse anyway is refused here, before the file travels.
 */
record UploadRequest(String contentType, OptionalLong size) {
    static final Set<String> ACCEPTED_TYPES = Set.of("image/jpeg", "image/png", "image/webp");
    /** A camera's full-resolution JPEG is 5-15 MB; a larger file is a raw export or not a photo. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final String EXAMPLE = "{\"contentType\": \"image/jpeg\", \"size\": 2400000}";

    static UploadRequest parse(byte[] body, ObjectMapper mapper) {
        JsonNode tree = StrictJson.read(mapper, body, EXAMPLE);
        if (!tree.isObject()) {
            throw new InvalidMediaRequest(Kind.INVALID, new Violation("", "must be a JSON object such as " + EXAMPLE));
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("contentType") && !name.equals("size")) {
                throw new InvalidMediaRequest(Kind.INVALID, new Violation("/" + name.replace("~", "~0").replace("/", "~1"), "is not a known field"));
            }
        }
        JsonNode type = tree.get("contentType");
        if (type == null || !type.isTextual()) {
            throw new InvalidMediaRequest(Kind.INVALID, new Violation("/contentType", "is required: one of " + ACCEPTED_TYPES));
        }
        String contentType = type.textValue().trim().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("image/svg")) {
            throw new InvalidMediaRequest(Kind.UNSUPPORTED_MEDIA_TYPE, new Violation("/contentType",
                    "SVG is not accepted: an SVG file can carry scripts that would run on the site. Upload a PNG or JPEG."));
        }
        if (!ACCEPTED_TYPES.contains(contentType)) {
            throw new InvalidMediaRequest(Kind.UNSUPPORTED_MEDIA_TYPE, new Violation("/contentType",
                    "must be one of " + ACCEPTED_TYPES + " (photos as JPEG, PNG or WebP)."));
        }
        JsonNode size = tree.get("size");
        if (size == null) {
            return new UploadRequest(contentType, OptionalLong.empty());
        }
        if (!size.canConvertToExactIntegral() || size.asLong() < 1) {
            throw new InvalidMediaRequest(Kind.INVALID, new Violation("/size", "must be the file's size in bytes, a whole number above 0"));
        }
        if (size.asLong() > MAX_BYTES) {
            throw new InvalidMediaRequest(Kind.TOO_LARGE, new Violation("/size",
                    "is more than the limit of " + MAX_BYTES / (1024 * 1024) + " MB; export the photo at a lower resolution."));
        }
        return new UploadRequest(contentType, OptionalLong.of(size.asLong()));
    }
}
