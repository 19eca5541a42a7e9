package com.newsdesk.core.media;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.Image;
import java.util.Map;
import java.util.Optional;

/** The library photos a page shows, read when it is rendered, all in one request. */
public final class ShownPhotos {
    /** For pages rendered without the library at hand: an image naming a photo is left out. */
    public static final ShownPhotos NONE = new ShownPhotos(Map.of());

    private final Map<MediaId, MediaItem> items;

    private ShownPhotos(Map<MediaId, MediaItem> items) {
        this.items = Map.copyOf(items);
    }

    /** The photos {@code article} names, as {@code store} holds them now. */
    public static ShownPhotos in(Article article, MediaStore store) {
        var ids = NamedPhotos.ids(article);
        return ids.isEmpty() ? NONE : new ShownPhotos(store.findAll(ids));
    }

    /** The ready photo {@code image} names; empty for a picture at an address, or a photo not ready (or gone). */
    public Optional<MediaItem> of(Image image) {
        if (image == null || !image.fromLibrary()) {
            return Optional.empty();
        }
        return Optional.ofNullable(items.get(new MediaId(image.media())))
                .filter(item -> item.status() == MediaStatus.READY && !item.widths().isEmpty());
    }
}
