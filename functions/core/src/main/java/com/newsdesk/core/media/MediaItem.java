package com.newsdesk.core.media;

import java.time.Instant;
import java.util.List;

/**
 * A photo of the library. {@code format}, {@code width} and {@code height} are the upload's as its content says
 * (known once processed); {@code refusal} says why a refused upload was refused.
 */
public record MediaItem(MediaId id, MediaStatus status, String declaredType, String uploadedBy, Instant createdAt,
                        Instant processedAt, String format, int width, int height, String refusal, List<Variant> variants) {
    public MediaItem {
        variants = List.copyOf(variants);
    }

    static MediaItem awaitingUpload(MediaId id, String declaredType, String uploadedBy, Instant createdAt) {
        return new MediaItem(id, MediaStatus.AWAITING_UPLOAD, declaredType, uploadedBy, createdAt, null, null, 0, 0, null, List.of());
    }
}
