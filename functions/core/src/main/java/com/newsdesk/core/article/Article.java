package com.newsdesk.core.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/** An article as an editor writes it: the body of {@code PUT /api/articles/{slug}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(
        String title,
        String dek,
        Section section,
        List<Author> authors,
        String dateline,
        String language,
        List<String> tags,
        Image image,
        Seo seo,
        List<Block> body,
        List<Reference> references,
        List<String> related,
        Boolean commentsEnabled) {

    public Article {
        authors = List.copyOf(authors);
        body = List.copyOf(body);
        tags = tags == null ? List.of() : List.copyOf(tags);
        references = references == null ? List.of() : List.copyOf(references);
        related = related == null ? List.of() : List.copyOf(related);
    }

    public record Section(String slug, String name) {}

    /**
     * Named as written ({@code name}), or by the slug of an author profile, whose name the byline shows and whose
     * page it links to.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Author(String name, String role, String slug) {
        public Author(String name, String role) {
            this(name, role, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Seo(String title, String description) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reference(String id, String title, String url) {}

    public String languageTag() {
        return language == null ? "en" : language;
    }

    public Locale locale() {
        return Locale.forLanguageTag(languageTag());
    }

    public boolean acceptsComments() {
        return commentsEnabled == null || commentsEnabled;
    }
}
