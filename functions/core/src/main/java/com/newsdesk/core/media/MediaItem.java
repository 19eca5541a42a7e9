package com.newsdesk.core.media;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A photo of the library. {@code format}, {@code width} and {@code height} are the upload's as its content says
 * (known once processed); {@code refusal} says why a refused upload (or the last replacement of a ready one) was
 * refused. {@code replacementKey} is the upload key of a replacement file signed for and not yet processed.
 */
public record MediaItem(MediaId id, MediaStatus status, String declaredType, String uploadedBy, Instant createdAt,
                        Instant processedAt, String format, int width, int height, String refusal, List<Variant> variants,
                        String replacementKey) {
    public MediaItem {
        variants = List.copyOf(variants);
    }

    static MediaItem awaitingUpload(MediaId id, String declaredType, String uploadedBy, Instant createdAt) {
        return new MediaItem(id, MediaStatus.AWAITING_UPLOAD, declaredType, uploadedBy, createdAt, null, null, 0, 0, null, List.of(), null);
    }

    /** The responsive JPEG variants, narrowest first: every browser shows them. */
    public List<Variant> widths() {
        return widths(Variant.JPEG);
    }

    /** The responsive variants of one type, narrowest first; a photo processed before WebP was written has none. */
    public List<Variant> widths(String mediaType) {
        return variants.stream().filter(variant -> variant.kind().equals(Variant.WIDTH) && variant.mediaType().equals(mediaType))
                .sorted(Comparator.comparingInt(Variant::width)).toList();
    }

    /** The narrowest variant at least {@code width} pixels wide, or the widest there is. */
    public Optional<Variant> atLeast(int width) {
        List<Variant> widths = widths();
        return widths.stream().filter(variant -> variant.width() >= width).findFirst()
                .or(() -> widths.isEmpty() ? Optional.empty() : Optional.of(widths.get(widths.size() - 1)));
    }

    /** The 1200x630 crop link previews show. */
    public Optional<Variant> social() {
        return variants.stream().filter(variant -> variant.kind().equals(Variant.SOCIAL)).findFirst();
    }
}
