package com.newsdesk.core.listing;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.StoredArticle;
import java.util.stream.Collectors;

/** The list entry of a published article. */
public final class ListEntries {
    private ListEntries() {}

    public static ListEntry of(StoredArticle article) {
        return of(article, article.published());
    }

    /**
     * With the published version as {@code shown}, e.g. its authors named from their profiles, and its lead image's
     * address; a library photo, not at hand here, leaves the teaser without one.
     */
    public static ListEntry of(StoredArticle article, Article shown) {
        return of(article, shown, shown.image() == null || shown.image().fromLibrary() ? null : shown.image().src());
    }

    /** The entry with {@code imageSrc} as its teaser's image ({@code null} for none). */
    public static ListEntry of(StoredArticle article, Article shown, String imageSrc) {
        return new ListEntry(0, article.slug().value(), shown.title(), shown.dek(), article.publicPath(),
                article.publishedAt(), article.modifiedAt() != null ? article.modifiedAt() : article.publishedAt(),
                shown.authors().stream().map(Article.Author::name).collect(Collectors.joining(", ")),
                shown.section().name(), shown.tags(), shown.languageTag(),
                imageSrc, imageSrc == null ? null : shown.image().alt());
    }
}
