package com.newsdesk.core.share;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The networks readers share to, with each one's real share intent. */
public enum ShareChannel {
    X("Share on X"), FACEBOOK("Share on Facebook"), LINKEDIN("Share on LinkedIn"), WHATSAPP("Share on WhatsApp"),
    EMAIL("Share by email"), COPY("Copy link");

    /** Every channel as clients write it, for messages that list the choices. */
    public static final String WIRE_NAMES = Arrays.stream(values()).map(ShareChannel::wireName).collect(Collectors.joining(", "));

    private final String label;

    ShareChannel(String label) {
        this.label = label;
    }

    /** The control's visible text and accessible name: it says what happens, not just which network. */
    public String label() {
        return label;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a channel as clients write it; {@code null} for an unknown one. */
    public static ShareChannel fromWire(String value) {
        for (ShareChannel channel : values()) {
            if (channel.wireName().equals(value)) {
                return channel;
            }
        }
        return null;
    }

    /** The URL that opens this network's share dialog for {@code link}; for {@link #COPY} the link itself. */
    public String intent(String link, String headline) {
        String url = encode(link);
        return switch (this) {
            case X -> "https://x.com/intent/post?url=" + url + "&text=" + encode(headline);
            case FACEBOOK -> "https://www.facebook.com/sharer/sharer.php?u=" + url;
            case LINKEDIN -> "https://www.linkedin.com/sharing/share-offsite/?url=" + url;
            case WHATSAPP -> "https://wa.me/?text=" + encode(headline + " " + link);
            case EMAIL -> "mailto:?subject=" + encode(headline) + "&body=" + encode(headline + "\n\n" + link);
            case COPY -> link;
        };
    }

    /** Percent-encoding for query values and mailto fields: spaces as %20, which every client reads. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
