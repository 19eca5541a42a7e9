package com.newsdesk.core.media;

import java.util.List;

/** Turns an upload's bytes into the files readers get: checked, turned upright, stripped of metadata, resized. */
public interface Renditions {

    /** What an upload became; {@code format} and the size are the upload's own, as its content says. */
    record Rendered(String format, int width, int height, List<Rendition> files) {
        public Rendered {
            files = List.copyOf(files);
        }
    }

    /** One encoded file; {@code kind} as {@link Variant#kind()}. */
    record Rendition(String kind, int width, int height, String mediaType, String extension, byte[] bytes) {}

    /** @throws ImageRefused when the bytes are not a JPEG, PNG or WebP image we can safely decode */
    Rendered render(byte[] upload) throws ImageRefused;
}
