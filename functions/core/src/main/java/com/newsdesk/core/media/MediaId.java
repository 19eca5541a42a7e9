package com.newsdesk.core.media;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/** A media item's id: 20 random lower-case letters and digits, unguessable, also the key of its upload. */
public record MediaId(String value) {
    private static final Pattern FORM = Pattern.compile("[a-z0-9]{20}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    public MediaId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a media id");
        }
    }

    static MediaId random(SecureRandom random) {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new MediaId(new String(id));
    }

    /** The id a request path or an upload's key names; empty for anything no id of ours can be. */
    public static Optional<MediaId> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new MediaId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
