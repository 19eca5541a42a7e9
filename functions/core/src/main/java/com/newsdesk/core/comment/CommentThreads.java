package com.newsdesk.core.comment;

import com.newsdesk.core.render.PublishedComment;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.publish.ApprovedComments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approved comments of an article page: top-level comments oldest first, each with its approved replies oldest
 * first. A reply whose parent is no longer approved is not shown: out of its conversation it would mislead.
 */
public final class CommentThreads implements ApprovedComments {
    private final CommentStore store;

    public CommentThreads(CommentStore store) {
        this.store = store;
    }

    @Override
    public List<PublishedComment> of(Slug slug) {
        List<Comment> approved = store.approved(slug);
        Map<CommentId, List<PublishedComment>> replies = new LinkedHashMap<>();
        for (Comment comment : approved) {
            if (!comment.isReply()) {
                replies.put(comment.id(), new ArrayList<>());
            }
        }
        for (Comment comment : approved) {
            if (comment.isReply() && replies.containsKey(comment.replyTo())) {
                replies.get(comment.replyTo()).add(published(comment, List.of()));
            }
        }
        List<PublishedComment> threads = new ArrayList<>();
        for (Comment comment : approved) {
            if (!comment.isReply()) {
                threads.add(published(comment, replies.get(comment.id())));
            }
        }
        return threads;
    }

    private static PublishedComment published(Comment comment, List<PublishedComment> replies) {
        return new PublishedComment(comment.id().value(), comment.name(), comment.postedAt(), comment.body(), replies);
    }
}
