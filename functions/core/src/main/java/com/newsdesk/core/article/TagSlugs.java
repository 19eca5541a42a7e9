package com.newsdesk.core.article;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The URL segment of a tag page: lower case, spaces to hyphens, anything else percent-encoded. A tag of dots
 * alone would make {@code /tags/../}, which browsers resolve to another page: it gets a name from its hash.
 */
public final class TagSlugs {
    private TagSlugs() {}

    public static String of(String tag) {
        String normal = Normalizer.normalize(tag.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
                .replaceAll("[\\s/\\\\?#%]+", "-");
        if (normal.chars().allMatch(c -> c == '.' || c == '-')) {
            normal = "tag-" + Integer.toHexString(tag.hashCode());
        }
        return URLEncoder.encode(normal, StandardCharsets.UTF_8);
    }
}
