package com.newsdesk.core.cdn;

import com.newsdesk.core.article.ArticlePaths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the CDN must drop after one publish: items are {@code #tag}s and public paths ({@code /city/slug/}).
 *
 * @param reference names the change (article and version) so that sending it twice is one purge, not two
 */
public record Purge(String reference, List<String> items) {

    public Purge {
        items = List.copyOf(items);
    }

    /**
     * The fewest items that drop every changed object: paths whose cached copy carries {@code tag} go as that one
     * tag, the others (pages that did not show the story before, sitemaps) by path. Fingerprinted assets are new
     * names, never in any cache, so they need nothing.
     */
    public static Purge of(String reference, String tag, Collection<String> covered, Collection<String> uncovered) {
        Set<String> paths = new LinkedHashSet<>();
        List<String> coveredPaths = covered.stream().filter(Purge::cacheable).toList();
        Set<String> items = new LinkedHashSet<>();
        if (coveredPaths.size() > 1) {
            items.add("#" + tag);
        } else {
            paths.addAll(coveredPaths);
        }
        uncovered.stream().filter(Purge::cacheable).forEach(paths::add);
        items.addAll(paths);
        return new Purge(reference, new ArrayList<>(items));
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<String> tags() {
        return items.stream().filter(item -> item.startsWith("#")).map(item -> item.substring(1)).toList();
    }

    public List<String> paths() {
        return items.stream().filter(item -> !item.startsWith("#")).toList();
    }

    private static boolean cacheable(String path) {
        return !ArticlePaths.isAsset(path);
    }
}
