package com.newsdesk.core.author;

import com.newsdesk.core.article.ArticlePaths;
import java.time.Instant;
import java.util.List;

/**
 * A byline's person: who they are on their page, {@code /authors/<slug>/}, and in the bylines of the stories that
 * name them by slug.
 *
 * @param version counted from 1, one more with every save
 */
public record AuthorProfile(String slug, String name, String role, String bio, Portrait image, List<String> links,
                            long version, Instant updatedAt) {

    public AuthorProfile {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The author's photo, with its text alternative. */
    public record Portrait(String src, String alt) {}

    public String path() {
        return ArticlePaths.authorPath(slug);
    }
}
