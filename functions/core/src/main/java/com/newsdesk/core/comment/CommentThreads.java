package com.newsdesk.core.comment;

import com.newsdesk.core.render.PublishedComment;
import com.newsdesk.core.render.ShownComments;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.publish.ApprovedComments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The approved comments of an article page: at most {@link #SHOWN} of the newest, as whole threads, top-level
 * comments oldest first, each with its approved replies oldest first. The bound keeps a page of any number of
 * comments far under the renderer's size cap. A reply whose parent is no longer approved, or older than the shown
 * threads, is not shown: out of its conversation it would mislead.
 */
public final class CommentThreads implements ApprovedComments {
    /** Comments on the page, replies included; the rest are in the JSON list the page links to. */
    public static final int SHOWN = 50;

    private final CommentStore store;

    public CommentThreads(CommentStore store) {
        this.store = store;
    }

    @Override
    public ShownComments of(Slug slug) {
        // one more than shown: whether there are older comments than the page shows
        List<Comment> newestFirst = store.newestOnPage(slug, SHOWN + 1);
        boolean more = newestFirst.size() > SHOWN;
        List<Comment> read = more ? newestFirst.subList(0, SHOWN) : newestFirst;
        // newest first, a thread's replies come before it
        Map<CommentId, List<PublishedComment>> replies = new HashMap<>();
        List<PublishedComment> threads = new ArrayList<>();
        for (Comment comment : read) {
            if (comment.isReply()) {
                replies.computeIfAbsent(comment.replyTo(), parent -> new ArrayList<>()).add(0, published(comment, List.of()));
            } else {
                threads.add(0, published(comment, replies.getOrDefault(comment.id(), List.of())));
            }
        }
        return new ShownComments(threads, more);
    }

    private static PublishedComment published(Comment comment, List<PublishedComment> replies) {
        return new PublishedComment(comment.id().value(), comment.name(), comment.postedAt(), comment.body(), replies);
    }
}
