package com.newsdesk.core.comment;

import com.newsdesk.core.article.Slug;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, time-stamped comment-form tokens: {@code v1.<issued-at millis>.<HMAC-SHA256>} over the article's slug and
 * the moment of issue. The article page is static and cached for everyone, so the token cannot be in its HTML; the
 * page's script fetches one when the reader starts on the form. A token proves the post came through our page, for
 * this article, some time after the form was first touched: bots that post straight to the API, replay a token for
 * days, or post a second after loading the form do not look like readers.
 */
public final class FormTokens {
    /** Nobody reads an article, writes a comment and fills in name and e-mail in less. */
    public static final Duration MIN_AGE = Duration.ofSeconds(3);
    public static final Duration MAX_AGE = Duration.ofHours(24);
    /** Tokens are issued by another instance whose clock may be a little ahead. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final String VERSION = "v1";
    private static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;
    private final Clock clock;

    public FormTokens(String secret, Clock clock) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("FORM_TOKEN_SECRET must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** How a submitted token looked. */
    public enum Check {
        /** No token: the reader posted with JavaScript off (or a client skipped the page). */
        ABSENT,
        /** Issued for this article between 3 s and 24 h ago. */
        FRESH,
        /** Genuine, but the form was sent within seconds of being touched: a script, not a person. */
        TOO_FAST
    }

    public String issue(Slug slug) {
        long issuedAt = clock.millis();
        return VERSION + "." + issuedAt + "." + signature(slug, issuedAt);
    }

    /** Checks a token sent with a comment on {@code slug}; throws {@link FormTokenRejected} if forged or expired. */
    public Check check(Slug slug, String token) {
        if (token == null) {
            return Check.ABSENT;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].matches("[0-9]{1,15}")) {
            throw FormTokenRejected.forged();
        }
        long issuedAt = Long.parseLong(parts[1]);
        byte[] expected = signature(slug, issuedAt).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw FormTokenRejected.forged();
        }
        long age = clock.millis() - issuedAt;
        if (age < -CLOCK_SKEW.toMillis()) {
            throw FormTokenRejected.forged();
        }
        if (age > MAX_AGE.toMillis()) {
            throw FormTokenRejected.expired();
        }
        return age < MIN_AGE.toMillis() ? Check.TOO_FAST : Check.FRESH;
    }

    /** When a token {@link #check} accepted stops being accepted: how long its use must be remembered. */
    public Instant expiresAt(String checkedToken) {
        return Instant.ofEpochMilli(Long.parseLong(checkedToken.split("\\.", -1)[1])).plus(MAX_AGE);
    }

    private String signature(Slug slug, long issuedAt) {
        try {
            // Mac instances are not thread-safe, and one costs microseconds to make
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("comment-form\n" + slug.value() + "\n" + issuedAt).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
