package com.newsdesk.core.publish;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.listing.ListReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "You may also like": the editor's pinned stories that are live, then stories sharing the most tags (same section
 * first, then the most recent), up to {@link #SHOWN}. Candidates come from the newest few stories of each tag's
 * list, so choosing costs a handful of queries whatever the size of the site.
 */
public final class RelatedStories {
    static final int SHOWN = 4;
    private static final int CANDIDATES_PER_TAG = 12;
    private static final int TAGS_CONSIDERED = 10;

    private final LiveStories live;
    private final ListReader lists;

    /** A story's list entry by slug, while it is published; empty for drafts, stories taken down and unknown slugs. */
    public interface LiveStories {
        Optional<ListEntry> find(String slug);
    }

    public RelatedStories(LiveStories live, ListReader lists) {
        this.live = live;
        this.lists = lists;
    }

    public List<ListEntry> choose(Slug self, Article article) {
        List<ListEntry> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(self.value());
        for (String pinned : article.related()) {
            if (chosen.size() == SHOWN) {
                return chosen;
            }
            if (seen.add(pinned)) {
                live.find(pinned).ifPresent(chosen::add);
            }
        }
        if (chosen.size() == SHOWN) {
            // pins fill the box: reading the tags' lists would only be thrown away
            return chosen;
        }
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (String tag : article.tags().subList(0, Math.min(TAGS_CONSIDERED, article.tags().size()))) {
            for (ListEntry story : lists.newest(ListName.tag(tag), CANDIDATES_PER_TAG)) {
                if (!seen.contains(story.slug())) {
                    candidates.computeIfAbsent(story.slug(), s -> new Candidate(story)).sharedTags++;
                }
            }
        }
        String section = article.section().name();
        candidates.values().stream()
                .sorted(Comparator.comparingInt((Candidate c) -> -c.sharedTags)
                        .thenComparing(c -> !c.story.sectionName().equals(section))
                        .thenComparing(c -> c.story.publishedAt(), Comparator.reverseOrder()))
                .limit(SHOWN - chosen.size())
                .forEach(c -> chosen.add(c.story));
        return chosen;
    }

    private static final class Candidate {
        final ListEntry story;
        int sharedTags;

        Candidate(ListEntry story) {
            this.story = story;
        }
    }
}
