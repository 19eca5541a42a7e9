package com.newsdesk.core.media;

import com.newsdesk.core.pipeline.RenderQueue;
import com.newsdesk.core.pipeline.RenderTask;
import java.io.PrintStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * What happens to an upload once S3 has it: the file is read from the uploads bucket (which readers cannot reach),
 * checked and rendered, the variants are written to the site bucket under names that hash their bytes (so a name
 * never changes content, and readers may cache it for a year), and only then is the item marked ready. A refused
 * upload is recorded with its reason. The upload itself is left to the bucket's lifecycle rule, which expires it
 * within a day: the function that decodes hostile files may read the uploads bucket, never delete from it.
 *
 * <p>Nothing is half-written: every variant is encoded before the first write, and the item changes last. If a
 * write fails, the item stays awaiting its upload and S3's retried event does the whole again; a variant written
 * before the failure is rewritten with the same bytes under the same name.
 *
 * <p>A replacement file (under {@code <id>-<token>}, see {@link MediaLibrary#requestReplacement}) is processed the
 * same way; once the new variants are recorded, each live article showing the photo is queued for the render worker
 * as a changed story, which renders its page (and its lists' teasers) again and purges them from the CDN.
 */
public final class MediaProcessing {
    /** Immutable: the name changes whenever the bytes do. */
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    static final String PATH_PREFIX = "media/";

    private final MediaStore store;
    private final MediaUses uses;
    private final RenderQueue queue;
    private final S3Client s3;
    private final PublicBucket site;
    private final Renditions renditions;
    private final Clock clock;
    private final PrintStream log;

    public MediaProcessing(MediaStore store, MediaUses uses, RenderQueue queue, S3Client s3, PublicBucket site, Renditions renditions,
                           Clock clock, PrintStream log) {
        this.store = store;
        this.uses = uses;
        this.queue = queue;
        this.s3 = s3;
        this.site = site;
        this.renditions = renditions;
        this.clock = clock;
        this.log = log;
    }

    /** What became of one upload event. */
    public enum Outcome {
        READY, REFUSED,
        /** A replacement file's variants took the old ones' place; the live pages showing the photo were queued. */
        REPLACED,
        /** The item was processed before (an event delivered twice, or a form posted again): nothing changed. */
        ALREADY_PROCESSED,
        /** The key names no item of ours: left unread. */
        UNKNOWN
    }

    public Outcome process(String uploadsBucket, String key) {
        int separator = key.indexOf(MediaLibrary.REPLACEMENT_SEPARATOR);
        Optional<MediaItem> found = MediaId.parse(separator < 0 ? key : key.substring(0, separator)).flatMap(store::find);
        if (found.isEmpty()) {
            log.println("{\"level\":\"WARN\",\"message\":\"Upload without a media item left unread\",\"key\":\"" + printable(key) + "\"}");
            return Outcome.UNKNOWN;
        }
        MediaItem item = found.get();
        if (item.status() == MediaStatus.AWAITING_UPLOAD && key.equals(MediaLibrary.uploadKey(item.id()))) {
            return settle(item, read(uploadsBucket, key));
        }
        if (key.equals(item.replacementKey())) {
            return replace(item, key, read(uploadsBucket, key));
        }
        if (separator >= 0 && item.status() == MediaStatus.READY) {
            // S3 retries an event whose function failed: if that was queueing the pages after the variants were
            // recorded, this retry is the last chance to queue them (a page queued twice renders the same bytes)
            queuePagesShowing(item);
        }
        return Outcome.ALREADY_PROCESSED;
    }

    private Outcome settle(MediaItem item, Optional<byte[]> upload) {
        Renditions.Rendered rendered;
        try {
            rendered = render(upload);
        } catch (ImageRefused refusal) {
            return store.refused(item.id(), refusal.reason(), clock.instant()) ? Outcome.REFUSED : Outcome.ALREADY_PROCESSED;
        }
        return store.ready(item.id(), rendered, write(rendered), clock.instant()) ? Outcome.READY : Outcome.ALREADY_PROCESSED;
    }

    private Outcome replace(MediaItem item, String key, Optional<byte[]> upload) {
        Renditions.Rendered rendered;
        try {
            rendered = render(upload);
        } catch (ImageRefused refusal) {
            return store.replacementRefused(item.id(), key, refusal.reason()) ? Outcome.REFUSED : Outcome.ALREADY_PROCESSED;
        }
        if (!store.replaced(item.id(), key, rendered, write(rendered), clock.instant())) {
            return Outcome.ALREADY_PROCESSED;
        }
        queuePagesShowing(item);
        return Outcome.REPLACED;
    }

    /** Each live article showing the photo, queued as a changed story: its page and lists are rendered again and purged. */
    private void queuePagesShowing(MediaItem item) {
        queue.send(uses.users(item.id()).stream().filter(user -> user.shownLive(item.id()))
                .<RenderTask>map(user -> new RenderTask.StoryChanged(user.slug(), user.article().orElseThrow().version())).toList());
    }

    private Renditions.Rendered render(Optional<byte[]> upload) throws ImageRefused {
        if (upload.isEmpty()) {
            throw new ImageRefused("The file is larger than " + UploadRequest.MAX_BYTES / (1024 * 1024) + " MB.");
        }
        return renditions.render(upload.get());
    }

    /** Writes the rendered files to the site bucket and answers the variants they are. */
    private List<Variant> write(Renditions.Rendered rendered) {
        List<Variant> variants = new ArrayList<>();
        for (Renditions.Rendition file : rendered.files()) {
            String path = PATH_PREFIX + sha256(file.bytes()).substring(0, 20) + "-" + file.width() + "x" + file.height() + "." + file.extension();
            site.put(path, file.bytes(), file.mediaType(), CACHE_CONTROL);
            variants.add(new Variant(file.kind(), file.width(), file.height(), file.mediaType(), "/" + path));
        }
        return variants;
    }

    /** The upload's bytes; empty when it is over the limit (the form's policy makes that S3's refusal, not ours). */
    private Optional<byte[]> read(String bucket, String key) {
        long size = s3.headObject(head -> head.bucket(bucket).key(key)).contentLength();
        if (size > UploadRequest.MAX_BYTES) {
            return Optional.empty();
        }
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key));
        return Optional.of(bytes.asByteArray());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A key as a log may show it: what S3 accepts as a key may hold anything. */
    private static String printable(String key) {
        String shown = key.length() > 80 ? key.substring(0, 80) : key;
        return shown.replaceAll("[^A-Za-z0-9._/-]", "?");
    }
}
