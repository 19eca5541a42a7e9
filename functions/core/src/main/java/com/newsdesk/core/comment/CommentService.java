package com.newsdesk.core.comment;

import com.newsdesk.core.render.CommentText;
import com.newsdesk.core.article.ArticleNotFound;
import com.newsdesk.core.article.ArticleQuery;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.publish.Publisher;
import com.newsdesk.core.ratelimit.RateLimiter;
import com.newsdesk.core.ratelimit.RateLimiter.Limit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Readers' comments from submission to the static page. A comment passes the rate limit, the rules, the form token
 * and the spam screen, and is stored; whenever the set of approved comments of a live article changes (an
 * approval, or a rejection, spam mark or deletion of an approved comment), the article's page revision is bumped
 * and then the page re-rendered, so concurrent changes all end up in the page that stays in the bucket.
 */
public final class CommentService {
    /** A person writes a handful of comments in ten minutes; a script writes hundreds. */
    public static final Limit POSTS = new Limit("comment", 5, Duration.ofMinutes(10));
    /** One token per visit to the form; a reader opening many articles needs a few dozen. */
    public static final Limit TOKENS = new Limit("comment-token", 30, Duration.ofMinutes(10));
    public static final Limit READS = new Limit("comment-list", 120, Duration.ofMinutes(1));
    /** Posts per minute from all readers together: a flood from many addresses still fills the queue slowly. */
    public static final int DEFAULT_SITE_WIDE_POSTS_PER_MINUTE = 60;
    private static final int DEFAULT_PAGE = 20;
    private static final int DEFAULT_QUEUE_PAGE = 50;

    private final ArticleStore articles;
    private final CommentStore comments;
    private final Publisher publisher;
    private final RateLimiter rateLimiter;
    private final FormTokens tokens;
    private final SpamWords spamWords;
    private final TrustedCommenters trusted;
    private final Limit siteWidePosts;
    private final Clock clock;

    public CommentService(ArticleStore articles, CommentStore comments, Publisher publisher, RateLimiter rateLimiter,
                          FormTokens tokens, SpamWords spamWords, TrustedCommenters trusted, int siteWidePostsPerMinute,
                          Clock clock) {
        this.articles = articles;
        this.comments = comments;
        this.publisher = publisher;
        this.rateLimiter = rateLimiter;
        this.tokens = tokens;
        this.spamWords = spamWords;
        this.trusted = trusted;
        this.siteWidePosts = new Limit("comment-site", siteWidePostsPerMinute, Duration.ofMinutes(1));
        this.clock = clock;
    }

    /** What the commenter is told: the comment's id and {@link Comment#toldToCommenter()}. */
    public record Receipt(CommentId id, CommentStatus status, StoredArticle article) {}

    /** An editor's change: the comment's new status and the public paths it rewrote. */
    public record Moderated(CommentId id, CommentStatus status, List<String> changedPaths) {}

    public Receipt submit(Slug slug, SubmittedFields fields, String clientAddress) {
        rateLimiter.acquire(POSTS, clientAddress);
        rateLimiter.acquireSiteWide(siteWidePosts);
        StoredArticle article = openForComments(slug);
        Submission submission = Submission.of(fields);
        if (submission.replyTo() != null) {
            requireThreadStart(slug, submission.replyTo());
        }
        // a filled honeypot is quietly kept as spam whatever the token says: the bot learns nothing
        FormTokens.Check token = submission.honeypotFilled() ? FormTokens.Check.ABSENT : tokens.check(slug, submission.token());
        String usedToken = token == FormTokens.Check.ABSENT ? null : submission.token();
        if (usedToken != null && !comments.claimFormToken(usedToken, tokens.expiresAt(usedToken))) {
            throw FormTokenRejected.used();
        }
        Instant now = clock.instant();
        String commenter = submission.email().hash();
        String fingerprint = submission.fingerprint();
        if (!comments.claimBody(slug, fingerprint, commenter, now)) {
            releaseFormToken(usedToken);
            throw new DuplicateComment();
        }
        Comment comment;
        try {
            SpamScreen.Screening screening = SpamScreen.screen(new SpamScreen.Signals(
                    submission.honeypotFilled(),
                    spamWords.foundIn(submission.name(), submission.body(), submission.website()),
                    token,
                    CommentText.linkCount(submission.body()),
                    comments.bodySeenFromOthers(slug, fingerprint, commenter, now),
                    trusted.trusts(commenter, submission.name())));
            comment = new Comment(slug, CommentId.next(now), submission.name(), commenter, submission.body(),
                    submission.website(), submission.replyTo(), screening.status(), rateLimiter.clientHash(clientAddress),
                    screening.reasons(), null);
            comments.insert(comment, submission.email());
        } catch (RuntimeException e) {
            comments.releaseBody(slug, fingerprint, commenter);
            releaseFormToken(usedToken);
            throw e;
        }
        if (comment.status() == CommentStatus.APPROVED) {
            comments.showOnPage(comment);
            republish(slug);
        }
        return new Receipt(comment.id(), comment.toldToCommenter(), article);
    }

    /** A comment that was not stored gives its token back: the reader may correct the form and send it again. */
    private void releaseFormToken(String usedToken) {
        if (usedToken != null) {
            comments.releaseFormToken(usedToken);
        }
    }

    /** A fresh form token for the article's comment form. */
    public String formToken(Slug slug, String clientAddress) {
        rateLimiter.acquire(TOKENS, clientAddress);
        openForComments(slug);
        return tokens.issue(slug);
    }

    /** Approved comments of a live article, oldest first; {@code cursor} is a previous page's {@code nextCursor}. */
    public CommentStore.Page approved(Slug slug, Optional<String> limit, Optional<String> cursor, String clientAddress) {
        rateLimiter.acquire(READS, clientAddress);
        int pageSize = ArticleQuery.parseLimit(limit, DEFAULT_PAGE);
        CommentId after = null;
        if (cursor.isPresent()) {
            after = CommentId.parse(cursor.get()).orElseThrow(() ->
                    new ArticleQuery.InvalidQuery("cursor must be the nextCursor of a previous page."));
        }
        liveArticle(slug);
        return comments.approvedPage(slug, pageSize, after);
    }

    /** Where a comment stands, as its commenter is told: the page a form post is redirected to. */
    public Receipt receipt(Slug slug, String id, String clientAddress) {
        rateLimiter.acquire(READS, clientAddress);
        StoredArticle article = articles.find(slug).orElseThrow(() -> new ArticleNotFound(slug));
        Comment comment = comments.find(slug, commentId(slug, id)).orElseThrow(() -> new CommentNotFound(slug));
        return new Receipt(comment.id(), comment.toldToCommenter(), article);
    }

    /** The commenter followed the link mailed when an editor approved their comment; the name now trusted. */
    public String confirmCommenter(String token, String clientAddress) {
        rateLimiter.acquire(READS, clientAddress);
        return trusted.confirm(token, clock.instant());
    }

    /** The moderation queue: comments with one status across all articles, oldest first. */
    public CommentStore.Page queue(Optional<String> status, Optional<String> limit, Optional<String> cursor) {
        CommentStatus wanted = CommentStatus.fromWire(status.orElse(CommentStatus.PENDING.wireName()));
        if (wanted == null) {
            throw new ArticleQuery.InvalidQuery("status must be pending, approved, rejected or spam.");
        }
        return comments.queue(wanted, ArticleQuery.parseLimit(limit, DEFAULT_QUEUE_PAGE), cursor.map(QueueCursor::parse).orElse(null));
    }

    public Moderated moderate(Slug slug, String id, ModerationAction action, String editor) {
        CommentId commentId = commentId(slug, id);
        Comment comment = comments.find(slug, commentId).orElseThrow(() -> new CommentNotFound(slug));
        Instant now = clock.instant();
        CommentStatus before = comments.changeStatus(slug, commentId, action.result(), now, editor)
                .orElseThrow(() -> new CommentNotFound(slug));
        // the page's copy follows the status, also when it did not change: a repeat completes a step that failed
        if (action.result() == CommentStatus.APPROVED) {
            comments.showOnPage(comment);
        } else {
            comments.removeFromPage(comment);
        }
        if (action == ModerationAction.SPAM) {
            trusted.distrust(comment.commenterHash());
        }
        // also when the status did not change: a repeated approval completes a re-render that failed half-way
        boolean pageChanges = before == CommentStatus.APPROVED || action.result() == CommentStatus.APPROVED;
        List<String> changedPaths = pageChanges ? republish(slug) : List.of();
        if (action == ModerationAction.APPROVE) {
            trusted.approved(comment, now);
        }
        return new Moderated(commentId, action.result(), changedPaths);
    }

    public Moderated delete(Slug slug, String id) {
        Comment removed = comments.delete(slug, commentId(slug, id)).orElseThrow(() -> new CommentNotFound(slug));
        comments.removeFromPage(removed);
        return new Moderated(removed.id(), removed.status(),
                removed.status() == CommentStatus.APPROVED ? republish(slug) : List.of());
    }

    /** The bump comes first: a re-render already running sees it afterwards and renders again. */
    private List<String> republish(Slug slug) {
        articles.bumpPageRevision(slug);
        return publisher.rerender(slug);
    }

    /** The article if it is live and takes comments: where a refused form post offers the form again. */
    public Optional<StoredArticle> commentable(Slug slug) {
        return articles.find(slug).filter(article -> article.isLive() && article.published().acceptsComments());
    }

    private StoredArticle liveArticle(Slug slug) {
        return articles.find(slug).filter(StoredArticle::isLive).orElseThrow(() -> new ArticleNotFound(slug));
    }

    private StoredArticle openForComments(Slug slug) {
        StoredArticle article = liveArticle(slug);
        if (!article.published().acceptsComments()) {
            throw new CommentsClosed(slug);
        }
        return article;
    }

    /** A reply hangs under an approved top-level comment of the same article: one level deep, never under spam. */
    private void requireThreadStart(Slug slug, CommentId parent) {
        boolean valid = comments.find(slug, parent)
                .filter(comment -> comment.status() == CommentStatus.APPROVED && !comment.isReply())
                .isPresent();
        if (!valid) {
            throw new InvalidComment(List.of(InvalidComment.replyToViolation()));
        }
    }

    private static CommentId commentId(Slug slug, String id) {
        return CommentId.parse(id).orElseThrow(() -> new CommentNotFound(slug));
    }
}
