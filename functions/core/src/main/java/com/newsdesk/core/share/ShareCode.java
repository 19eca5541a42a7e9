package com.newsdesk.core.share;

import com.newsdesk.core.site.SiteSettings;
import com.newsdesk.core.article.ArticlePaths;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The code of a short link, as in {@code /s/Xk3f9Qa2}: eight characters drawn at random from letters and digits.
 * 62^8 (about 2 * 10^14) codes make one hard to guess and a neighbour of a known one no likelier than any other;
 * the alphabet needs no escaping anywhere, and leaves out {@code -} and {@code _}, which some apps drop from the
 * end of a link they turn clickable.
 */
public record ShareCode(String value) {
    public static final int LENGTH = 8;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public ShareCode {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a share code");
        }
    }

    public static ShareCode random(SecureRandom random) {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new ShareCode(new String(code));
    }

    /** A code from a request path; empty for anything this system could not have issued. */
    public static Optional<ShareCode> parse(String value) {
        return isWellFormed(value) ? Optional.of(new ShareCode(value)) : Optional.empty();
    }

    /** The short link readers share, e.g. {@code https://news.example/s/Xk3f9Qa2}. */
    public String url(SiteSettings site) {
        return site.absolute("/" + ArticlePaths.SHORT_LINKS + "/" + value);
    }

    private static boolean isWellFormed(String value) {
        if (value == null || value.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
