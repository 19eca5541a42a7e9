package com.newsdesk.core.cdn;

import com.newsdesk.core.listing.ListName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a stored object shows, as CDN cache tags (object metadata {@value #METADATA}, which S3 returns as
 * {@code x-amz-meta-cache-tag}): {@code a:<slug>} for every article a page shows, {@code l:<list>} for list pages.
 * A change to one article then purges every page showing it with the single item {@code #a:<slug>}.
 */
public final class CacheTags {
    public static final String METADATA = "cache-tag";
    /** CloudFront reads no more than 50 tags of an object; an object that would need more is purged by path. */
    public static final int MAX_PER_OBJECT = 50;
    /** CloudFront's limit on one tag's length. */
    static final int MAX_LENGTH = 256;

    private CacheTags() {}

    public static String article(String slug) {
        return "a:" + slug;
    }

    public static String list(ListName list) {
        return visible("l:" + list.key());
    }

    /** The tags of an object that shows these lists and articles, or none if they would not all fit. */
    public static List<String> of(Collection<String> tags) {
        Set<String> distinct = new LinkedHashSet<>(tags);
        return distinct.size() > MAX_PER_OBJECT ? List.of() : List.copyOf(distinct);
    }

    /** The metadata value: comma-separated, as CloudFront parses the header. */
    public static String header(List<String> tags) {
        return String.join(",", tags);
    }

    /**
     * Tags may hold only visible ASCII without commas: tag names such as {@code نقل} are percent-encoded, and a
     * tag that would still be too long becomes a hash of itself (unique, and the same on every publish).
     */
    static String visible(String tag) {
        StringBuilder out = new StringBuilder();
        for (byte b : tag.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 32 && c < 127 && c != ',' && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        if (out.length() <= MAX_LENGTH) {
            return out.toString();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tag.getBytes(StandardCharsets.UTF_8));
            return tag.substring(0, 2) + "sha256-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
