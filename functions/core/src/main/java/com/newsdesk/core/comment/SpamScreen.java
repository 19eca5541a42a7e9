package com.newsdesk.core.comment;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides where a new comment goes from what the layers of spam defence saw. Spam signs send it to {@code spam}
 * (kept for editors to review, never shown); anything doubtful holds it for an editor; a commenter an editor has
 * approved before is published directly, as WordPress does, but only when nothing else is doubtful.
 */
public final class SpamScreen {
    /** More links than this and a comment waits for an editor, whoever wrote it (WordPress's default is 2 too). */
    public static final int MAX_LINKS = 2;

    private SpamScreen() {}

    /**
     * @param honeypotFilled the hidden field was filled in
     * @param spamWords the comment holds a word of the newsroom's list
     * @param token what the form token showed
     * @param links links in the body
     * @param sameBodyFromOthers another commenter posted the same text on this article
     * @param knownCommenter an editor approved an earlier comment from the same e-mail address
     */
    public record Signals(boolean honeypotFilled, boolean spamWords, FormTokens.Check token, int links,
                          boolean sameBodyFromOthers, boolean knownCommenter) {}

    /** The decision and the reasons for it, which editors see in the moderation queue. */
    public record Screening(CommentStatus status, List<String> reasons) {
        public Screening {
            reasons = List.copyOf(reasons);
        }
    }

    public static Screening screen(Signals signals) {
        List<String> spam = new ArrayList<>();
        if (signals.honeypotFilled()) {
            spam.add("honeypot");
        }
        if (signals.spamWords()) {
            spam.add("spam-words");
        }
        if (!spam.isEmpty()) {
            return new Screening(CommentStatus.SPAM, spam);
        }
        List<String> held = new ArrayList<>();
        if (signals.token() == FormTokens.Check.ABSENT) {
            held.add("no-form-token");
        } else if (signals.token() == FormTokens.Check.TOO_FAST) {
            held.add("posted-too-fast");
        }
        if (signals.links() > MAX_LINKS) {
            held.add("too-many-links");
        }
        if (signals.sameBodyFromOthers()) {
            held.add("duplicate-body");
        }
        if (held.isEmpty() && signals.knownCommenter()) {
            return new Screening(CommentStatus.APPROVED, List.of("known-commenter"));
        }
        if (!signals.knownCommenter()) {
            held.add("first-comment");
        }
        return new Screening(CommentStatus.PENDING, held);
    }
}
