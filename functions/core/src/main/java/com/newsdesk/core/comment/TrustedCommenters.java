package com.newsdesk.core.comment;

import com.newsdesk.core.mailbox.EmailAddress;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.mailbox.ConfirmationLinks;
import com.newsdesk.core.mailbox.ConfirmationMailer;
import com.newsdesk.core.mailbox.ConfirmationMessage;
import com.newsdesk.core.site.SiteSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Commenters whose comments skip the moderation queue. Anyone can type any address into the form, so an editor's
 * approval alone proves nothing: it mails the commenter a confirmation link (the same kind of link as the
 * newsletter's double opt-in), and only following it makes the address trusted, for the display name of the
 * approved comment. A comment under another name waits like anyone's; marking one of the commenter's comments as
 * spam withdraws the trust and the links not yet followed.
 */
public final class TrustedCommenters {
    public static final String LINK_PREFIX = "COMMENTER-CONFIRM#";
    public static final Duration LINK_LIFETIME = Duration.ofDays(7);
    /** At most one confirmation mail a day per address, however many of its comments are approved. */
    static final Duration MAIL_INTERVAL = Duration.ofDays(1);
    private static final String COMMENTER = "commenter";
    private static final String NAME = "name";

    private final CommentStore store;
    private final ConfirmationLinks links;
    private final ConfirmationMailer mailer;
    private final SiteSettings site;

    public TrustedCommenters(CommentStore store, ConfirmationLinks links, ConfirmationMailer mailer, SiteSettings site) {
        this.store = store;
        this.links = links;
        this.mailer = mailer;
        this.site = site;
    }

    /** The commenter confirmed this address, and posts under the name they confirmed it with. */
    public boolean trusts(String commenterHash, String name) {
        return store.confirmedName(commenterHash).filter(confirmed -> confirmed.equals(CommentStore.comparableName(name))).isPresent();
    }

    /** An editor approved this comment: counts it, and asks its commenter to confirm the address if not yet done. */
    public void approved(Comment comment, Instant now) {
        store.trustCommenter(comment.commenterHash(), now);
        if (trusts(comment.commenterHash(), comment.name()) || !store.claimConfirmationMail(comment.commenterHash(), now, MAIL_INTERVAL)) {
            return;
        }
        Optional<EmailAddress> email = store.emailOf(comment.slug(), comment.id()).flatMap(EmailAddress::parse);
        if (email.isEmpty()) {
            return;
        }
        String token = links.issue(Map.of(COMMENTER, comment.commenterHash(), NAME, comment.name()), now);
        mailer.send(new ConfirmationMessage(email.get(), "Your comment on " + site.name() + " is published",
                "An editor approved your comment on " + site.name() + ", posted as \"" + comment.name() + "\".\n\n"
                        + "To have your next comments under this name published without waiting for an editor, confirm "
                        + "that this address is yours by opening this link within " + LINK_LIFETIME.toDays() + " days:\n"
                        + site.absolute(receiptPath(comment.slug(), comment.id()) + "?confirm=" + token) + "\n\n"
                        + "If you did not write a comment, ignore this message: nothing changes until the link is opened.\n"));
    }

    /** Follows a confirmation link; the name it confirmed. */
    public String confirm(String token, Instant now) {
        return links.follow(token, now)
                .filter(link -> store.confirmCommenter(link.get(COMMENTER), link.get(NAME), now))
                .map(link -> link.get(NAME))
                .orElseThrow(CommenterLinkInvalid::new);
    }

    /** An editor marked one of the commenter's comments as spam. */
    public void distrust(String commenterHash) {
        store.distrustCommenter(commenterHash);
    }

    public static String receiptPath(Slug slug, CommentId id) {
        return "/api/articles/" + slug.value() + "/comments/" + id.value() + "/receipt";
    }
}
