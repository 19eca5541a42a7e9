package com.newsdesk.core.author;

import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.core.article.Article;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bylines name profiled authors by their profile, and link only to author pages that are written. */
class AuthorProfilesTest {
    private static final AuthorProfile PRIYA = new AuthorProfile("priya-sharma", "Priya Sharma", "Correspondent", null,
            null, List.of(), 3, Instant.parse("2026-11-27T08:00:00Z"));
    private static final AuthorProfiles ONE = new AuthorProfiles() {
        @Override
        public Optional<AuthorProfile> find(String slug) {
            return Optional.of(PRIYA).filter(profile -> profile.slug().equals(slug));
        }

        @Override
        public List<AuthorProfile> all() {
            return List.of(PRIYA);
        }
    };

    private static Article byline(Article.Author... authors) {
        return new Article("Title", null, new Article.Section("city", "City"), List.of(authors), null, null, null,
                null, null, List.of(), null, null, null);
    }

    @Test
    void anAuthorNamedBySlug_takesTheProfilesName_andKeepsTheRoleTheArticleGives() {
        Article credited = ONE.credit(byline(new Article.Author(null, "Reporting", "priya-sharma"), new Article.Author("Jonas Berg", null)));

        assertThat(credited.authors()).containsExactly(new Article.Author("Priya Sharma", "Reporting", "priya-sharma"),
                new Article.Author("Jonas Berg", null, null));
    }

    @Test
    void anAuthorSlugWithoutAProfile_isAPlainTextBylineOfTheSlug() {
        Article credited = AuthorProfiles.NONE.credit(byline(new Article.Author(null, null, "priya-sharma")));

        assertThat(credited.authors()).containsExactly(new Article.Author("priya-sharma", null, null));
    }
}
