package com.newsdesk.core.listing;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.media.ShownPhotos;
import com.newsdesk.core.media.Variant;
import java.util.stream.Collectors;

/** The list entry of a published article. */
public final class ListEntries {
    private ListEntries() {}

    /** Teaser images are at most this wide on the page (CSS pixels); a variant twice that is sharp on any screen. */
    private static final int TEASER_WIDTH = 320;

    /** The entry of an article whose lead image, if from the library, is not at hand: the teaser shows none. */
    public static ListEntry of(StoredArticle article) {
        return of(article, ShownPhotos.NONE);
    }

    public static ListEntry of(StoredArticle article, ShownPhotos photos) {
        Article shown = article.published();
        String imageSrc = shown.image() == null ? null
                : shown.image().fromLibrary() ? photos.of(shown.image()).flatMap(item -> item.atLeast(2 * TEASER_WIDTH))
                        .map(Variant::path).orElse(null)
                : shown.image().src();
        return new ListEntry(0, article.slug().value(), shown.title(), shown.dek(), article.publicPath(),
                article.publishedAt(), article.modifiedAt() != null ? article.modifiedAt() : article.publishedAt(),
                shown.authors().stream().map(Article.Author::name).collect(Collectors.joining(", ")),
                shown.section().name(), shown.tags(), shown.languageTag(),
                imageSrc, imageSrc == null ? null : shown.image().alt());
    }
}
