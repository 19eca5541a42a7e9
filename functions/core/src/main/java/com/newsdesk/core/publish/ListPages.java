package com.newsdesk.core.publish;

import com.newsdesk.core.cdn.CacheTags;
import com.newsdesk.core.cdn.CdnPurge;
import com.newsdesk.core.cdn.Purge;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings a list's pages up to date from the list as it stands, for the render worker. Every change to a list
 * records its position as unrendered and moves the list's revision; a render takes the newest state, renders the
 * pages of every unrendered position at once, and marks them rendered only if the revision did not move meanwhile.
 * So a burst of changes to one list costs a few renders, not one each, and a render cut short by a fault leaves
 * its positions for the next.
 */
public final class ListPages {
    /** Each retry follows a change made during the previous render; more in a row means something is wrong. */
    private static final int MAX_RENDER_ATTEMPTS = 10;

    private final ListStore lists;
    private final SitePages sitePages;
    private final CdnPurge cdn;

    public ListPages(ListStore lists, SitePages sitePages, CdnPurge cdn) {
        this.lists = lists;
        this.sitePages = sitePages;
        this.cdn = cdn;
    }

    /**
     * Renders the list's pages unless they already show it at {@code revision} or later; returns the public paths
     * written, and purges them at the CDN.
     */
    public List<String> bringUpTo(ListName list, long revision) {
        ListStore.Head head = lists.head(list);
        if (head.rendered(revision)) {
            return List.of();
        }
        Set<String> written = new LinkedHashSet<>();
        Set<Long> seqs = new TreeSet<>(head.unrenderedSeqs());
        for (int attempt = 0; attempt < MAX_RENDER_ATTEMPTS; attempt++) {
            written.addAll(sitePages.render(list, seqs, head));
            // a list never changed has no head to mark: its (empty) pages are all there is
            if (head.revision() == 0 || lists.markRendered(list, head.revision(), seqs)) {
                purge(list, "list:" + list.key() + ":r" + head.revision(), written);
                return List.copyOf(written);
            }
            // the list moved while we rendered: our writes may have landed after a newer render's, so render again
            // from the newest state, our own positions included, and only a render nothing overtook may stop
            head = lists.head(list);
            seqs.addAll(head.unrenderedSeqs());
        }
        throw new PagesKeptChanging("the list '" + list.key() + "'", MAX_RENDER_ATTEMPTS);
    }

    /**
     * The list's pages carry its tag, so more than one goes as that tag; sitemaps name more stories than an object's
     * tags can, so they always go by path.
     */
    void purge(ListName list, String reference, Set<String> written) {
        List<String> pages = new ArrayList<>();
        List<String> byPath = new ArrayList<>();
        for (String path : written) {
            boolean sitemap = path.startsWith("/sitemap") || path.equals("/robots.txt");
            (sitemap ? byPath : pages).add(path);
        }
        Purge purge = Purge.of(reference, CacheTags.list(list), pages, byPath);
        if (!purge.isEmpty()) {
            cdn.purge(purge);
        }
    }
}
