package com.newsdesk.core.rebuild;

import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListReader;
import com.newsdesk.core.listing.ListStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's lists held in memory for a rebuild: every story's list entry once (a teaser, not the article), and
 * per list the order in which stories were published. Positions are counted from 1 for the oldest story, as
 * {@link ListStore} numbers them when stories are published one by one in that order.
 */
final class InMemoryLists implements ListReader {
    private final Map<String, Members> lists = new LinkedHashMap<>();
    private final Map<String, ListEntry> bySlug = new HashMap<>();

    private record Members(ListName name, List<ListEntry> oldestFirst) {}

    /** Appends a story to the list; call in publication order, oldest first. */
    void append(ListName list, ListEntry story) {
        lists.computeIfAbsent(list.key(), key -> new Members(list, new ArrayList<>())).oldestFirst().add(story);
        bySlug.putIfAbsent(story.slug(), story);
    }

    /** Every list that has a story, in the order each was first appended to. */
    Collection<ListName> names() {
        return lists.values().stream().map(Members::name).toList();
    }

    /** A story on the site, by slug: what "You may also like" shows for an editor's pin. */
    Optional<ListEntry> story(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    @Override
    public ListStore.Head head(ListName list) {
        // nothing changes while the rebuild reads, so one revision serves every render
        return new ListStore.Head(members(list).size(), 1);
    }

    @Override
    public List<ListEntry> newest(ListName list, int count) {
        List<ListEntry> members = members(list);
        return range(list, Math.max(1, members.size() - count + 1), members.size());
    }

    @Override
    public List<ListEntry> range(ListName list, long from, long to) {
        List<ListEntry> members = members(list);
        List<ListEntry> newestFirst = new ArrayList<>();
        for (long seq = Math.min(to, members.size()); seq >= Math.max(1, from); seq--) {
            ListEntry story = members.get((int) seq - 1);
            newestFirst.add(new ListEntry(seq, story.slug(), story.headline(), story.dek(), story.path(), story.publishedAt(),
                    story.modifiedAt(), story.byline(), story.sectionName(), story.tags(), story.language(),
                    story.imageSrc(), story.imageAlt()));
        }
        return newestFirst;
    }

    private List<ListEntry> members(ListName list) {
        Members members = lists.get(list.key());
        return members == null ? List.of() : members.oldestFirst();
    }
}
