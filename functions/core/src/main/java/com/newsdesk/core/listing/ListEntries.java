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

    /** With the published version as {@code shown}, e.g. its authors named from their profiles. */
    public static ListEntry of(StoredArticle article, Article shown) {
        return new ListEntry(0, article.slug().value(), shown.title(), shown.dek(), article.publicPath(),
                article.publishedAt(), article.modifiedAt() != null ? article.modifiedAt() : article.publishedAt(),
                shown.authors().stream().map(Article.Author::name).collect(Collectors.joining(", ")),
                shown.section().name(), shown.tags(), shown.languageTag(),
                shown.image() == null ? null : shown.image().src(),
                shown.image() == null ? null : shown.image().alt());
    }
}
