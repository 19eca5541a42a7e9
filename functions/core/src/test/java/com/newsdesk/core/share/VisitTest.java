package com.newsdesk.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VisitTest {
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @ParameterizedTest
    @ValueSource(strings = {
            FIREFOX,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"})
    void aReadersBrowser_counts(String userAgent) {
        assertThat(new Visit("GET", userAgent).counts()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Twitterbot/1.0",
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "WhatsApp/2.23.20.0 A",
            "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
            "TelegramBot (like TwitterBot)",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1)",
            "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
            "Mozilla/5.0 (compatible; YandexCrawler)",
            "Sogou web spider/4.0",
            "SkypeUriPreview Preview/0.5",
            "http.rb/5.1.1 (Mastodon/4.2.8; +https://mastodon.social/)"})
    void previewsAndCrawlers_doNotCount(String userAgent) {
        assertThat(new Visit("GET", userAgent).counts()).isFalse();
    }

    @Test
    void headRequests_doNotCount_evenFromABrowser() {
        assertThat(new Visit("HEAD", FIREFOX).counts()).isFalse();
    }

    @Test
    void requestsWithoutUserAgent_doNotCount() {
        assertThat(new Visit("GET", null).counts()).isFalse();
        assertThat(new Visit("GET", " ").counts()).isFalse();
    }
}
