package com.newsdesk.core.render;

import java.util.List;

/** An RSS 2.0 channel; every date is already in RFC 822 form. */
public record FeedView(String title, String link, String self, String description, String language, String lastBuildDate,
                       List<Item> items) {

    public record Item(String title, String link, String description, String pubDate, String creator, String category) {}
}
