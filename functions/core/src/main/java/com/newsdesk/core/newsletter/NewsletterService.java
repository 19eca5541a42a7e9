package com.newsdesk.core.newsletter;

import com.newsdesk.core.mailbox.ConfirmationMessage;
import com.newsdesk.core.mailbox.ConfirmationMailer;
import com.newsdesk.core.mailbox.EmailAddress;
import com.newsdesk.core.mailbox.Sha256;
import com.newsdesk.core.comment.SubmittedFields;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.mailbox.ConfirmationLinks;
import com.newsdesk.core.ratelimit.RateLimiter;
import com.newsdesk.core.ratelimit.RateLimiter.Limit;
import com.newsdesk.core.ratelimit.TooManyRequests;
import com.newsdesk.core.site.SiteSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Newsletter sign-up with double opt-in: a sign-up stores a pending subscription and mails a confirmation link;
 * only following the link confirms it. Every sign-up gets the same answer whether the address was new, pending or
 * already confirmed, so the form cannot be used to find out who subscribes.
 */
public final class NewsletterService {
    public static final String EMAIL = "email";
    public static final Set<String> FIELDS = Set.of(EMAIL);
    /** Per client address, like the comment form. */
    public static final Limit SIGNUPS = new Limit("newsletter", 5, Duration.ofHours(1));
    /** Per recipient: enough to ask again for a lost mail, too few to flood someone's inbox from many addresses. */
    static final Limit MAILS_PER_RECIPIENT = new Limit("newsletter-mail", 3, Duration.ofDays(1));
    /** Confirmation mails per minute to all addresses together: the most a flood of sign-ups can make us send. */
    public static final int DEFAULT_SITE_WIDE_MAILS_PER_MINUTE = 30;
    public static final Duration LINK_LIFETIME = Duration.ofHours(48);
    public static final String LINK_PREFIX = "NEWSLETTER-CONFIRM#";
    private static final String SUBSCRIBER = "subscriber";

    private final SubscriptionStore store;
    private final ConfirmationLinks links;
    private final ConfirmationMailer mailer;
    private final RateLimiter rateLimiter;
    private final SiteSettings site;
    private final Limit siteWideMails;
    private final Clock clock;

    public NewsletterService(SubscriptionStore store, ConfirmationLinks links, ConfirmationMailer mailer, RateLimiter rateLimiter, SiteSettings site,
                             int siteWideMailsPerMinute, Clock clock) {
        this.store = store;
        this.links = links;
        this.mailer = mailer;
        this.rateLimiter = rateLimiter;
        this.site = site;
        this.siteWideMails = new Limit("newsletter-site", siteWideMailsPerMinute, Duration.ofMinutes(1));
        this.clock = clock;
    }

    public void subscribe(SubmittedFields fields, String clientAddress) {
        rateLimiter.acquire(SIGNUPS, clientAddress);
        EmailAddress email = validEmail(fields);
        // counted for every valid sign-up, mailed or not, so that a 429 says nothing about the address
        rateLimiter.acquireSiteWide(siteWideMails);
        String subscriber = email.hash();
        if (store.isConfirmed(subscriber)) {
            return;
        }
        try {
            rateLimiter.acquire(MAILS_PER_RECIPIENT, "recipient:" + Sha256.hex(email.inbox()));
        } catch (TooManyRequests e) {
            // the recipient already has links to follow; a 429 here would tell the caller about their sign-ups
            return;
        }
        Instant now = clock.instant();
        store.savePending(subscriber, email, now, rateLimiter.clientHash(clientAddress));
        String token = links.issue(Map.of(SUBSCRIBER, subscriber), now);
        mailer.send(new ConfirmationMessage(email, "Confirm your subscription to " + site.name(),
                "Someone, hopefully you, asked for " + site.name() + "'s newsletter to be sent to this address.\n\n"
                        + "To confirm, open this link within " + links.lifetime().toHours() + " hours:\n"
                        + site.absolute("/api/newsletter/confirm?token=" + token) + "\n\n"
                        + "If it was not you, ignore this message: nothing is sent to an address until it is confirmed.\n"));
    }

    /** Follows a confirmation link; following it again changes nothing. */
    public void confirm(String token, String clientAddress) {
        rateLimiter.acquire(SIGNUPS, clientAddress);
        Instant now = clock.instant();
        boolean confirmed = links.follow(token, now).map(link -> store.confirm(link.get(SUBSCRIBER), now)).orElse(false);
        if (!confirmed) {
            throw new ConfirmationLinkInvalid();
        }
    }

    private static EmailAddress validEmail(SubmittedFields fields) {
        List<Violation> violations = new ArrayList<>(fields.problems());
        String raw = fields.get(EMAIL);
        EmailAddress email = raw == null ? null : EmailAddress.parse(raw).orElse(null);
        if (raw == null || raw.isBlank()) {
            violations.add(new Violation("/" + EMAIL, "is required"));
        } else if (email == null) {
            violations.add(new Violation("/" + EMAIL, "must be a valid e-mail address, at most " + EmailAddress.MAX_LENGTH + " characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubscription(violations);
        }
        return email;
    }
}
