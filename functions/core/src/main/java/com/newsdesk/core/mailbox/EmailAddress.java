package com.newsdesk.core.mailbox;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reader's e-mail address, as the comment and newsletter forms take it: the common {@code local@domain} form with
 * a dotted DNS domain (internationalised domains in their {@code xn--} form), at most 254 characters. It is kept to
 * moderate and to confirm, and is never shown, returned or logged; {@link #toString()} does not print it.
 */
public final class EmailAddress {
    public static final int MAX_LENGTH = 254;
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern FORM = Pattern.compile(
            "^(" + ATOM + "(?:\\." + ATOM + ")*)@((?:" + LABEL + "\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}))$");

    private final String address;

    private EmailAddress(String address) {
        this.address = address;
    }

    /** The address, surrounding spaces removed, if it is one. */
    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        var match = FORM.matcher(trimmed);
        if (trimmed.length() > MAX_LENGTH || !match.matches() || match.group(1).length() > 64) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(trimmed));
    }

    /** As the reader typed it: where mail is sent. */
    public String address() {
        return address;
    }

    /**
     * SHA-256 of the lower-cased address: the same reader under any capitalisation. (The local part is case-sensitive
     * in theory; no mail provider treats it so.)
     */
    public String hash() {
        return Sha256.hex(address.toLowerCase(Locale.ROOT));
    }

    /**
     * The inbox the address delivers to, as far as providers' rules are known: lower case, without a {@code +tag},
     * and for Gmail without dots in the local part ({@code A.da+x@googlemail.com} is {@code ada@gmail.com}). Used to
     * count mails per inbox; never to send.
     */
    public String inbox() {
        String lower = address.toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        int tag = local.indexOf('+');
        if (tag > 0) {
            local = local.substring(0, tag);
        }
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    @Override
    public String toString() {
        return "EmailAddress[hidden]";
    }
}
