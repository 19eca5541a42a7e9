package com.newsdesk.core.listing;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.StoredArticle;
import java.util.stream.Collectors;

/** The list entry of a published article. */
public final class ListEntries {
    private ListEntries() {}

    /** The entry with its lead image's address; a library photo, not at hand here, leaves the teaser without one. */
    public static ListEntry of(StoredArticle article) {
        Article shown = article.published();
        return of(article, shown.image() == null || shown.image().fromLibrary() ? null : shown.image().src());
    }

    /** The entry with {@code imageSrc} as its teaser's image ({@code null} for none). */
    public static ListEntry of(StoredArticle article, String imageSrc) {
        Article shown = article.published();
        return new ListEntry(0, article.slug().value(), shown.title(), shown.dek(), article.publicPath(),
                article.publishedAt(), article.modifiedAt() != null ? article.modifiedAt() : article.publishedAt(),
                shown.authors().stream().map(Article.Author::name).collect(Collectors.joining(", ")),
                shown.section().name(), shown.tags(), shown.languageTag(),
                imageSrc, imageSrc == null ? null : shown.image().alt());
    }
}
