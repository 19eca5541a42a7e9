package com.newsdesk.core.publish;

import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.pipeline.RenderQueue;
import com.newsdesk.core.pipeline.RenderTask;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What follows a change to an author's profile, done by the render worker: the author's pages and the sitemap of
 * author pages rendered again, and each of the author's stories followed as if it had changed, which renders its
 * page (the byline) and its entries in every list it is in, by the same rules a correction follows.
 */
public final class AuthorFollowUp {
    private final ListStore lists;
    private final SitePages sitePages;
    private final ListPages listPages;
    private final RenderQueue queue;

    public AuthorFollowUp(ListStore lists, SitePages sitePages, ListPages listPages, RenderQueue queue) {
        this.lists = lists;
        this.sitePages = sitePages;
        this.listPages = listPages;
        this.queue = queue;
    }

    /** Returns the public paths written here; the stories' own follow-ups are queued. */
    public List<String> follow(String authorSlug) {
        ListName list = ListName.author(authorSlug);
        // an author with no story yet has a page too, which a site re-render must find
        lists.register(list);
        ListStore.Head head = lists.head(list);
        Set<String> written = new LinkedHashSet<>(sitePages.rebuild(list));
        written.addAll(sitePages.authorSitemaps());
        listPages.purge(list, "author:" + authorSlug + ":r" + head.revision(), written);
        queue.send(lists.range(list, 1, head.lastSeq()).stream()
                .<RenderTask>map(story -> new RenderTask.StoryChanged(story.slug(), 0)).toList());
        return List.copyOf(written);
    }
}
