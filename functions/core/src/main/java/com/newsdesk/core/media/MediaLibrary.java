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
    /**
     * Between a photo's id and a replacement's token in its upload key; not a slash, as a key cannot be both an
     * object and a folder on a file-system store (the local S3 server's).
     */
    static final char REPLACEMENT_SEPARATOR = '-';
    static final int MAX_PAGE = 100;
    private static final Pattern CURSOR = Pattern.compile("[0-9T:.\\-Z]{20,40}#[a-z0-9]{20}");

    private final MediaStore store;
    private final MediaUses uses;
    private final PublicBucket site;
    private final PostPolicySigner signer;
    private final ObjectMapper json;
    private final SecureRandom random;
    private final Clock clock;

    public MediaLibrary(MediaStore store, MediaUses uses, PublicBucket site, PostPolicySigner signer, ObjectMapper json,
                        SecureRandom random, Clock clock) {
        this.store = store;
        this.uses = uses;
        this.site = site;
        this.signer = signer;
        this.json = json;
        this.random = random;
        this.clock = clock;
    }

    /** A new item awaiting its file, and the form that uploads it. */
    public record Upload(MediaItem item, UploadForm form) {}

    /** An item and the articles using it. */
    public record Shown(MediaItem item, List<MediaUses.User> usedBy) {}

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

    public Shown item(String id) {
        MediaItem item = find(id);
        return new Shown(item, uses.users(item.id()));
    }

    /**
     * A form for a new file of a photo. For a ready photo the file goes under a key of its own: once processed, its
     * variants (new names, as they hash new bytes) take the old ones' place and the live pages showing the photo are
     * rendered again. The old variants stay in the bucket, since pages and caches may still name them for a while.
     * For a photo still awaiting its first file, the form is that upload's again, renewed (the first one expires in
     * minutes). A refused photo cannot be replaced: its id is best forgotten, and a new upload asked for.
     */
    public Upload requestReplacement(String id, byte[] body) {
        MediaItem item = find(id);
        UploadRequest request = UploadRequest.parse(body, json);
        String key = item.status() == MediaStatus.AWAITING_UPLOAD ? uploadKey(item.id())
                : item.id().value() + REPLACEMENT_SEPARATOR + MediaId.random(random).value();
        if (item.status() != MediaStatus.AWAITING_UPLOAD && !store.awaitReplacement(item.id(), key)) {
            throw new MediaNotReady(item);
        }
        return new Upload(store.find(item.id()).orElseThrow(() -> new MediaNotFound(id)),
                signer.sign(key, request.contentType(), UploadRequest.MAX_BYTES, clock.instant(), PostPolicySigner.LIFETIME));
    }

    /**
     * Deletes a photo no article uses, with its variants; refused while one does. The delete is conditional on the
     * photo's use count read before the uses were: see {@link MediaUses}.
     */
    public void delete(String id) {
        MediaId mediaId = MediaId.parse(id).orElseThrow(() -> new MediaNotFound(id));
        var read = store.findWithUseVersion(mediaId).orElseThrow(() -> new MediaNotFound(id));
        List<MediaUses.User> users = uses.users(mediaId);
        if (!users.isEmpty()) {
            throw MediaInUse.by(mediaId, users.stream().map(MediaUses.User::slug).toList());
        }
        if (!store.delete(mediaId, read.getValue())) {
            throw MediaInUse.meanwhile(mediaId);
        }
        read.getKey().variants().forEach(variant -> site.delete(variant.path().substring(1)));
    }

    private MediaItem find(String id) {
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

    /** The key of an item's first upload in the uploads bucket: its id, nothing a client chooses. */
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
