package com.newsdesk.core.share;

import java.util.regex.Pattern;

/**
 * One request for a short link. Only a reader's click counts: link previews (a network fetching the page to draw
 * its card), crawlers and {@code HEAD} requests are redirected like anyone else but left out of the numbers, or
 * every share would count itself a few times before a single person clicked.
 */
public record Visit(String method, String userAgent) {
    /**
     * The preview fetchers of the networks we offer and the big crawlers by name (several do not say "bot"), then
     * the words that self-declared automated clients use.
     */
    private static final Pattern AUTOMATED = Pattern.compile(
            "facebookexternalhit|facebookcatalog|meta-externalagent|twitterbot|linkedinbot|slackbot|slack-imgproxy"
                    + "|whatsapp|discordbot|telegrambot|googlebot|google-inspectiontool|bingbot|applebot|skypeuripreview"
                    + "|embedly|mastodon|bot|crawler|spider|preview",
            Pattern.CASE_INSENSITIVE);

    /**
     * Whether this visit is a reader's click. A request without a User-Agent does not count either: every browser
     * sends one, so its absence means a script.
     */
    public boolean counts() {
        return "GET".equals(method) && userAgent != null && !userAgent.isBlank() && !AUTOMATED.matcher(userAgent).find();
    }
}
