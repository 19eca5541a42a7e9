package com.newsdesk.core.publish;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleNotFound;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.cdn.CacheTags;
import com.newsdesk.core.cdn.CdnPurge;
import com.newsdesk.core.cdn.Purge;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListStore;
import com.newsdesk.core.listing.RelatedIndex;
import com.newsdesk.core.pipeline.RenderQueue;
import com.newsdesk.core.pipeline.RenderTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What follows a story's publish or take-down, done by the render worker from the story's stored state: its own
 * objects written again (a publish whose write failed is completed here), its place in every list it belongs to
 * and out of the others, a render queued for each list it changed, and the pages recommending it rendered again.
 * Every step is idempotent, so the same message done twice, or after a newer one, ends in the same place.
 */
public final class StoryFollowUp {
    private final ArticleStore store;
    private final ListStore lists;
    private final RelatedIndex relatedIndex;
    private final ArticlePages pages;
    private final FollowUps followUps;
    private final RenderQueue queue;
    private final CdnPurge cdn;
    private final ListName home;

    public StoryFollowUp(ArticleStore store, ListStore lists, RelatedIndex relatedIndex, ArticlePages pages,
                         FollowUps followUps, RenderQueue queue, CdnPurge cdn, ListName home) {
        this.store = store;
        this.lists = lists;
        this.relatedIndex = relatedIndex;
        this.pages = pages;
        this.followUps = followUps;
        this.queue = queue;
        this.cdn = cdn;
        this.home = home;
    }

    /**
     * The lists a published story belongs to: the home page, its section, each of its tags and each author it
     * names by profile.
     */
    public static List<ListName> listsOf(Article article, ListName home) {
        Map<String, ListName> lists = new LinkedHashMap<>();
        lists.put(home.key(), home);
        ListName section = ListName.section(article.section().slug(), article.section().name());
        lists.put(section.key(), section);
        article.tags().stream().map(ListName::tag).forEach(tag -> lists.putIfAbsent(tag.key(), tag));
        article.authors().stream().filter(author -> author.slug() != null).map(author -> ListName.author(author.slug()))
                .forEach(author -> lists.putIfAbsent(author.key(), author));
        return List.copyOf(lists.values());
    }

    /** Brings everything derived from the story up to its stored state; returns the public paths written. */
    public List<String> follow(Slug slug) {
        StoredArticle article = store.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
        List<String> siteFiles = pages.writeSiteFiles();
        List<String> own = new ArrayList<>();
        List<ListStore.Change> changes = new ArrayList<>();
        if (article.isLive()) {
            own.addAll(pages.writeLive(article));
            changes.addAll(updateLists(article));
        } else {
            own.addAll(pages.writeGone(article));
            for (ListName list : lists.listsOf(slug.value())) {
                lists.remove(list, slug.value()).ifPresent(changes::add);
            }
            relatedIndex.record(slug.value(), List.of());
        }
        Map<String, FollowUps.ListTarget> targets = new LinkedHashMap<>();
        for (ListStore.Change change : changes) {
            targets.merge(change.list().key(), new FollowUps.ListTarget(change.list(), change.revision()),
                    (a, b) -> a.revision() >= b.revision() ? a : b);
        }
        queue.send(targets.values().stream()
                .<RenderTask>map(target -> new RenderTask.ListChanged(target.list(), target.revision())).toList());
        // the removal's position waits in the list head for its render, so the story stops being a member now
        for (ListStore.Change change : changes) {
            if (change.kind() == ListStore.Change.Kind.REMOVED) {
                lists.forget(change.list(), slug.value());
            }
        }
        List<String> showing = new ArrayList<>();
        for (String other : relatedIndex.pagesShowing(slug.value())) {
            if (!other.equals(slug.value())) {
                showing.addAll(pages.rerender(Slug.of(other)));
            }
        }
        followUps.followed(slug, article.version(), List.copyOf(targets.values()));
        Set<String> showingIt = new LinkedHashSet<>(own);
        showingIt.addAll(showing);
        Purge purge = Purge.of("follow:" + slug.value() + ":v" + article.version(), CacheTags.article(slug.value()), showingIt,
                siteFiles);
        if (!purge.isEmpty()) {
            cdn.purge(purge);
        }
        Set<String> changed = new LinkedHashSet<>(siteFiles);
        changed.addAll(showingIt);
        return List.copyOf(changed);
    }

    /** Puts the story into the lists it belongs to now, and takes it out of those it left (a new section or tag). */
    private List<ListStore.Change> updateLists(StoredArticle article) {
        List<ListName> target = listsOf(article.published(), home);
        ListEntry story = pages.listEntry(article);
        List<ListStore.Change> changes = new ArrayList<>();
        Set<String> targetKeys = new LinkedHashSet<>();
        for (ListName list : target) {
            targetKeys.add(list.key());
            changes.add(lists.upsert(list, story));
        }
        for (ListName list : lists.listsOf(article.slug().value())) {
            if (!targetKeys.contains(list.key())) {
                lists.remove(list, article.slug().value()).ifPresent(changes::add);
            }
        }
        return changes;
    }
}
