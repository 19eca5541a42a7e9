package com.newsdesk.core.comment;

import com.newsdesk.core.article.Slug;
import java.time.Instant;
import java.util.List;

/**
 * A stored comment as the newsroom works with it. The commenter's e-mail address is stored with it but never read
 * back into this record: only its hash, which recognises a returning commenter.
 *
 * @param replyTo the top-level comment this one answers, or {@code null}
 * @param clientHash salted hash of the address the comment came from (never the address)
 * @param reasons why the spam screen put it where it did, for the editors
 * @param moderatedAt when an editor last approved, rejected or marked it; {@code null} before
 */
public record Comment(Slug slug, CommentId id, String name, String commenterHash, String body, String website,
                      CommentId replyTo, CommentStatus status, String clientHash, List<String> reasons,
                      Instant moderatedAt) {
    public Comment {
        reasons = List.copyOf(reasons);
    }

    public Instant postedAt() {
        return id.postedAt();
    }

    /**
     * What the commenter is told. Spam is told "pending" (a bot learns nothing), and so is a comment published without
     * an editor: the answer to a post must not tell whether its address is a trusted one.
     */
    public CommentStatus toldToCommenter() {
        return status == CommentStatus.APPROVED && moderatedAt == null ? CommentStatus.PENDING : status.toldToCommenter();
    }

    public boolean isReply() {
        return replyTo != null;
    }
}
