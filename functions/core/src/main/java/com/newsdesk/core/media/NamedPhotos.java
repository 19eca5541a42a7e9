package com.newsdesk.core.media;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.Block;
import com.newsdesk.core.article.Image;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where an article names photos of the library: its lead image and its image blocks. */
final class NamedPhotos {
    private NamedPhotos() {}

    /** One naming: the JSON pointer of the {@code media} field, and the id there. */
    record Named(String pointer, MediaId id) {}

    static List<Named> in(Article article) {
        List<Named> named = new ArrayList<>();
        add(article.image(), "/image/media", named);
        for (int b = 0; b < article.body().size(); b++) {
            if (article.body().get(b) instanceof Block.ImageBlock block) {
                add(block.image(), "/body/" + b + "/image/media", named);
            }
        }
        return named;
    }

    /** The distinct photos the articles name; a {@code null} article names none. */
    static Set<MediaId> ids(Article... articles) {
        Set<MediaId> ids = new LinkedHashSet<>();
        for (Article article : articles) {
            if (article != null) {
                in(article).forEach(named -> ids.add(named.id()));
            }
        }
        return ids;
    }

    private static void add(Image image, String pointer, List<Named> named) {
        if (image != null && image.fromLibrary()) {
            // the schema has checked the id's form
            named.add(new Named(pointer, new MediaId(image.media())));
        }
    }
}
