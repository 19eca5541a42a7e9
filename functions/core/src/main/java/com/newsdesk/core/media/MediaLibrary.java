package com.newsdesk.core.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.failure.DomainException.Kind;
import com.newsdesk.core.failure.Violation;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The editors' photo library: signing uploads, and what was uploaded with its variants. */
public final class MediaLibrary {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 100;
    private static final Pattern CURSOR = Pattern.compile("[0-9T:.\\-Z]{20,40}#[a-z0-9]{20}");

    private final MediaStore store;
    private final PostPolicySigner signer;
    private final ObjectMapper json;
    private final SecureRandom random;
    private final Clock clock;

    public MediaLibrary(MediaStore store, PostPolicySigner signer, ObjectMapper json, SecureRandom random, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.json = json;
        this.random = random;
        this.clock = clock;
    }

    /** A new item awaiting its file, and the form that uploads it. */
    public record Upload(MediaItem item, UploadForm form) {}

    /** The library's page, and the cursor of the next (null on the last). */
    public record Page(List<MediaItem> items, String nextCursor) {}

    public Upload requestUpload(byte[] body, String editor) {
        UploadRequest request = UploadRequest.parse(body, json);
        Instant now = clock.instant();
        MediaItem item = MediaItem.awaitingUpload(MediaId.random(random), request.contentType(), editor, now);
        store.create(item);
        UploadForm form = signer.sign(uploadKey(item.id()), request.contentType(), UploadRequest.MAX_BYTES, now,
                PostPolicySigner.LIFETIME);
        return new Upload(item, form);
    }

    public MediaItem item(String id) {
        return MediaId.parse(id).flatMap(store::find).orElseThrow(() -> new MediaNotFound(id));
    }

    public Page library(Optional<String> limit, Optional<String> cursor) {
        int size = limit.map(MediaLibrary::pageSize).orElse(DEFAULT_PAGE);
        Optional<String> after = cursor.map(MediaLibrary::decodeCursor);
        MediaStore.Page page = store.library(size, after.flatMap(sortKey -> MediaId.parse(sortKey.substring(sortKey.indexOf('#') + 1))), after);
        String next = page.continueAfter() == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(page.continueAfter().getBytes(StandardCharsets.UTF_8));
        return new Page(page.items(), next);
    }

    /** The key of an item's upload in the uploads bucket: its id, nothing a client chooses. */
    public static String uploadKey(MediaId id) {
        return id.value();
    }

    private static int pageSize(String limit) {
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidMediaRequest(Kind.INVALID, new Violation("limit", "must be a whole number from 1 to " + MAX_PAGE));
    }

    private static String decodeCursor(String cursor) {
        try {
            String sortKey = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (CURSOR.matcher(sortKey).matches()) {
                return sortKey;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidMediaRequest(Kind.INVALID, new Violation("cursor", "must be the nextCursor of a previous page"));
    }
}
