package com.newsdesk.core.author;

import com.newsdesk.core.article.Article;
import java.util.List;
import java.util.Optional;

/** Where pages find the profiles of the authors that stories name by slug. */
public interface AuthorProfiles {

    /** No profiles at all, for renders that have none to read (a rebuild from an archive of articles). */
    AuthorProfiles NONE = new AuthorProfiles() {
        @Override
        public Optional<AuthorProfile> find(String slug) {
            return Optional.empty();
        }

        @Override
        public List<AuthorProfile> all() {
            return List.of();
        }
    };

    Optional<AuthorProfile> find(String slug);

    default boolean has(String slug) {
        return find(slug).isPresent();
    }

    /** Every profile, by slug. */
    List<AuthorProfile> all();

    /**
     * The article with each author named by slug given the profile's name, as bylines show it, with a link to the
     * author's page; an author without a profile (none where the profiles are not to hand) goes by the slug, as
     * plain text, since no page of theirs is written.
     */
    default Article credit(Article article) {
        if (article.authors().stream().allMatch(author -> author.slug() == null)) {
            return article;
        }
        List<Article.Author> named = article.authors().stream().map(author -> author.slug() == null ? author
                : find(author.slug()).map(profile -> new Article.Author(profile.name(), author.role(), author.slug()))
                        .orElseGet(() -> new Article.Author(author.slug(), author.role()))).toList();
        return new Article(article.title(), article.dek(), article.section(), named, article.dateline(),
                article.language(), article.tags(), article.image(), article.seo(), article.body(), article.references(),
                article.related(), article.commentsEnabled());
    }
}
