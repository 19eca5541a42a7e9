package com.newsdesk.core.comment;

import com.newsdesk.core.mailbox.EmailAddress;
import com.newsdesk.core.mailbox.Sha256;
import com.newsdesk.core.failure.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A reader's comment that passed the rules of the issue: name of 1 to 80 characters, a valid e-mail address, a
 * plain-text body of 1 to 5,000 characters, an optional http(s) website, optional {@code replyTo}. Every problem
 * is reported at once, with a JSON Pointer to its field, so a form can show each next to its input.
 *
 * @param token the signed form token the page's script fetched; {@code null} when the reader posted without it
 * @param honeypotFilled the hidden field people never see was filled in
 */
public record Submission(String name, EmailAddress email, String body, String website, CommentId replyTo, String token,
                         boolean honeypotFilled) {
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String BODY = "body";
    public static final String WEBSITE = "website";
    public static final String REPLY_TO = "replyTo";
    public static final String TOKEN = "token";
    /** The honeypot: hidden from people by the page's styles, filled in by bots that fill every field. */
    public static final String HONEYPOT = "homepage";
    public static final Set<String> FIELDS = Set.of(NAME, EMAIL, BODY, WEBSITE, REPLY_TO, TOKEN, HONEYPOT);

    public static final int MAX_NAME = 80;
    public static final int MAX_BODY = 5_000;
    public static final int MAX_WEBSITE = 2_048;
    private static final int MAX_TOKEN = 512;

    /** The body with case, spacing and compatibility forms ignored, hashed: what the duplicate check compares. */
    public String fingerprint() {
        String folded = Normalizer.normalize(body, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Sha256.hex(String.join(" ", folded.strip().split("\\s+")));
    }

    /** Applies every rule; throws {@link InvalidComment} listing all that failed. */
    public static Submission of(SubmittedFields fields) {
        List<Violation> violations = new ArrayList<>(fields.problems());
        String name = text(fields, NAME, MAX_NAME, false, violations);
        String body = text(fields, BODY, MAX_BODY, true, violations);

        EmailAddress email = null;
        String rawEmail = fields.get(EMAIL);
        if (rawEmail == null || rawEmail.isBlank()) {
            violations.add(new Violation("/" + EMAIL, "is required; it is never shown or shared"));
        } else {
            email = EmailAddress.parse(rawEmail).orElse(null);
            if (email == null) {
                violations.add(new Violation("/" + EMAIL, "must be a valid e-mail address, at most " + EmailAddress.MAX_LENGTH + " characters"));
            }
        }

        String website = blankToNull(fields.get(WEBSITE));
        if (website != null && !isWebAddress(website)) {
            violations.add(new Violation("/" + WEBSITE, "must be an http:// or https:// address of at most " + MAX_WEBSITE + " characters"));
        }

        CommentId replyTo = null;
        String rawReplyTo = blankToNull(fields.get(REPLY_TO));
        if (rawReplyTo != null) {
            replyTo = CommentId.parse(rawReplyTo).orElse(null);
            if (replyTo == null) {
                violations.add(InvalidComment.replyToViolation());
            }
        }

        String token = blankToNull(fields.get(TOKEN));
        if (token != null && token.length() > MAX_TOKEN) {
            violations.add(new Violation("/" + TOKEN, "is not a form token of this site"));
        }

        if (!violations.isEmpty()) {
            throw new InvalidComment(violations);
        }
        String honeypot = fields.get(HONEYPOT);
        return new Submission(name, email, body, website, replyTo, token, honeypot != null && !honeypot.isEmpty());
    }

    /** A required text field: stripped, 1 to {@code max} characters, no control characters (line breaks only in a body). */
    private static String text(SubmittedFields fields, String field, int max, boolean multiline, List<Violation> violations) {
        String raw = fields.get(field);
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            violations.add(new Violation("/" + field, "is required"));
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            violations.add(new Violation("/" + field, "must be at most " + max + " characters; it has " + length));
            return null;
        }
        boolean control = value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        if (control) {
            violations.add(new Violation("/" + field, multiline
                    ? "must be plain text; control characters other than line breaks and tabs are not allowed"
                    : "must be one line of plain text"));
            return null;
        }
        return value;
    }

    /**
     * An absolute http(s) URL with a host and no user name: {@code javascript:}, {@code data:} and the like run or
     * load content, and {@code https://bank.example@evil.example} is a classic disguise.
     */
    static boolean isWebAddress(String value) {
        if (value.length() > MAX_WEBSITE || value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
