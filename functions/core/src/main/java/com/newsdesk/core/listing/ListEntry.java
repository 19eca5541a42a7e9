package com.newsdesk.core.listing;

import java.time.Instant;
import java.util.List;

/**
 * A story as lists show it: enough to render a teaser, a feed item or a sitemap URL without reading the article.
 *
 * @param seq position in its list, counted from 1 for the first story ever added; never reused
 */
public record ListEntry(long seq, String slug, String headline, String dek, String path, Instant publishedAt,
                        Instant modifiedAt, String byline, String sectionName, List<String> tags, String language,
                        String imageSrc, String imageAlt) {

    public ListEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    ListEntry withSeq(long newSeq) {
        return new ListEntry(newSeq, slug, headline, dek, path, publishedAt, modifiedAt, byline, sectionName, tags, language,
                imageSrc, imageAlt);
    }
}
