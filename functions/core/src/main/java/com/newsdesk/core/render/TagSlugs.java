package com.newsdesk.core.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** The URL segment of a tag page: lower case, spaces to hyphens, anything else percent-encoded. */
public final class TagSlugs {
    private TagSlugs() {}

    public static String of(String tag) {
        String normal = Normalizer.normalize(tag.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFC)
                .replaceAll("[\\s/\\\\?#%]+", "-");
        return URLEncoder.encode(normal, StandardCharsets.UTF_8);
    }
}
