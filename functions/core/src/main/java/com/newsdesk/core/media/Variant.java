package com.newsdesk.core.media;

/**
 * One file made from an upload, at a public path of the site bucket whose name holds a hash of its bytes.
 *
 * @param kind {@code width} for the responsive sizes, {@code social} for the 1200x630 card crop
 * @param mediaType {@link #JPEG} or {@link #WEBP}
 */
public record Variant(String kind, int width, int height, String mediaType, String path) {
    public static final String WIDTH = "width";
    public static final String SOCIAL = "social";
    /** Every kind is written as JPEG; the width variants also as WebP, which browsers that take it get instead. */
    public static final String JPEG = "image/jpeg";
    public static final String WEBP = "image/webp";
}
