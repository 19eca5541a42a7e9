package com.newsdesk.comments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.apigateway.ApiRequest;
import com.newsdesk.apigateway.ApiResponse;
import com.newsdesk.apigateway.Editors;
import com.newsdesk.apigateway.HttpApiFunction;
import com.newsdesk.apigateway.Problems;
import com.newsdesk.apigateway.RequestRejected;
import com.newsdesk.apigateway.Unavailability;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.aws.DependencyUnavailable;
import com.newsdesk.core.comment.CommentService;
import com.newsdesk.core.comment.ModerationAction;
import com.newsdesk.core.comment.ReaderPages;
import com.newsdesk.core.comment.Submission;
import com.newsdesk.core.comment.SubmittedFields;
import com.newsdesk.core.comment.TrustedCommenters;
import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.mailbox.ConfirmationMailer;
import com.newsdesk.core.newsletter.NewsletterService;
import com.newsdesk.core.render.ArticleView.Crumb;
import com.newsdesk.core.site.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Readers' comments and the newsletter sign-up, public; the moderation routes, for editors. A post from the page's
 * HTML form (JavaScript off) is answered for a browser: a 303 to a page that says where the comment stands, or a
 * readable page listing what to fix with the reader's values kept. Everything else is JSON and problem+json.
 */
public final class CommentsHandler extends HttpApiFunction {
    private static final Crumb FRONT_PAGE = new Crumb("Go to the front page", "/");
    private static final byte[] PRIMING_FORM = "name=Ada&email=ada%40example.org&body=Hello%0D%0A%0D%0Ahttps%3A%2F%2Fexample.org"
            .getBytes(StandardCharsets.US_ASCII);

    private final Newsroom newsroom;
    private final CommentService comments;
    private final NewsletterService newsletter;
    private final ReaderPages pages;
    private final ObjectMapper json;
    private final CommentResponses responses;

    /** Lambda's entry point: reads the environment, builds clients and compiled templates once per container. */
    public CommentsHandler() {
        this(Newsroom.fromEnvironment());
    }

    /** With the function's settings given, as the local stack runs it: nothing reads the environment. */
    public CommentsHandler(Settings settings) {
        this(Newsroom.from(settings, Clock.systemUTC()));
    }

    CommentsHandler(Newsroom newsroom) {
        this(newsroom, ConfirmationMailers.of(newsroom.settings(), newsroom.clock()));
    }

    CommentsHandler(Newsroom newsroom, ConfirmationMailer mailer) {
        super(newsroom.settings());
        this.newsroom = newsroom;
        this.comments = newsroom.comments(mailer);
        this.newsletter = newsroom.newsletter(mailer);
        this.pages = newsroom.readerPages();
        this.json = newsroom.json().mapper();
        this.responses = new CommentResponses(json);
    }

    /** A form post's path without the network: decoding, the rules, the duplicate fingerprint, a reader page. */
    @Override
    protected void prime() {
        newsroom.prime();
        Submission.of(SubmittedFields.ofForm(FormBody.decode(PRIMING_FORM), Submission.FIELDS)).fingerprint();
        pages.notice("Check your inbox", List.of(), FRONT_PAGE);
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "POST /api/articles/{slug}/comments" -> isForm(request) ? submitForm(request) : submitJson(request);
            case "GET /api/articles/{slug}/comments" -> responses.approved(
                    comments.approved(slug(request), request.query("limit"), request.query("cursor"), request.sourceIp()));
            case "GET /api/articles/{slug}/comment-token" -> responses.token(comments.formToken(slug(request), request.sourceIp()));
            case "GET /api/articles/{slug}/comments/{id}/receipt" -> receipt(request);
            case "GET /api/comments" -> {
                Editors.require(request);
                yield responses.queue(comments.queue(request.query("status"), request.query("limit"), request.query("cursor")));
            }
            case "POST /api/articles/{slug}/comments/{id}/moderation" -> {
                String editor = Editors.require(request);
                ModerationAction action = ModerationAction.fromJson(json, request.jsonBody());
                var moderated = comments.moderate(slug(request), request.pathParameter("id"), action, editor);
                yield responses.moderated(moderated, moderated.status().wireName());
            }
            case "DELETE /api/articles/{slug}/comments/{id}" -> {
                Editors.require(request);
                yield responses.moderated(comments.delete(slug(request), request.pathParameter("id")), "deleted");
            }
            case "POST /api/newsletter" -> isForm(request) ? subscribeForm(request) : subscribeJson(request);
            case "GET /api/newsletter" -> html(200, pages.notice("Check your inbox", List.of(
                    "If the address can receive our newsletter, a message with a confirmation link is on its way to it.",
                    "Nothing is sent to the address until you follow that link."), FRONT_PAGE));
            case "GET /api/newsletter/confirm" -> confirm(request);
            default -> throw new RequestRejected.NoSuchRoute(request.routeKey());
        };
    }

    private ApiResponse submitJson(ApiRequest request) {
        Slug slug = slug(request);
        SubmittedFields fields = SubmittedFields.ofJson(json, jsonBody(request), Submission.FIELDS);
        return responses.accepted(comments.submit(slug, fields, request.sourceIp()));
    }

    /** A post from the page's form: every refusal becomes a page the reader can act on, never problem+json. */
    private ApiResponse submitForm(ApiRequest request) {
        Slug slug = null;
        SubmittedFields fields = SubmittedFields.ofForm(Map.of(), Submission.FIELDS);
        try {
            slug = slug(request);
            fields = SubmittedFields.ofForm(FormBody.decode(request.body()), Submission.FIELDS);
            CommentService.Receipt receipt = comments.submit(slug, fields, request.sourceIp());
            return ApiResponse.redirect(303, receiptPath(slug, receipt), "no-store");
        } catch (RuntimeException failure) {
            Optional<DependencyUnavailable> unavailable = Unavailability.of(failure);
            if (unavailable.isPresent()) {
                return refusedPage(unavailable.get(), pages.commentNotStored(slug, fields, unavailable.get()));
            }
            if (!(failure instanceof DomainException refused)) {
                throw failure;
            }
            var article = slug == null ? null : comments.commentable(slug).orElse(null);
            return refusedPage(refused, pages.commentRefused(article, fields, refused));
        }
    }

    /** Where a comment stands; with {@code confirm}, the link mailed to its commenter when an editor approved it. */
    private ApiResponse receipt(ApiRequest request) {
        var confirm = request.query("confirm");
        try {
            var receipt = comments.receipt(slug(request), request.pathParameter("id"), request.sourceIp());
            if (confirm.isPresent()) {
                String name = comments.confirmCommenter(confirm.get(), request.sourceIp());
                return html(200, pages.commenterConfirmed(receipt, name));
            }
            return html(200, pages.commentReceipt(receipt));
        } catch (DomainException refused) {
            String heading = confirm.isPresent() ? "This link does not work" : "We could not find that comment";
            return refusedPage(refused, pages.refused(heading, refused, FRONT_PAGE));
        }
    }

    private ApiResponse subscribeJson(ApiRequest request) {
        newsletter.subscribe(SubmittedFields.ofJson(json, jsonBody(request), NewsletterService.FIELDS), request.sourceIp());
        return ApiResponse.of(202, ApiResponse.JSON, json.createObjectNode()
                .put("status", "pending-confirmation")
                .put("detail", "If the address can receive our newsletter, a confirmation link is on its way to it.")
                .toString());
    }

    private ApiResponse subscribeForm(ApiRequest request) {
        try {
            newsletter.subscribe(SubmittedFields.ofForm(FormBody.decode(request.body()), NewsletterService.FIELDS), request.sourceIp());
            return ApiResponse.redirect(303, "/api/newsletter", "no-store");
        } catch (DomainException refused) {
            return refusedPage(refused, pages.refused("You are not signed up yet", refused, FRONT_PAGE));
        }
    }

    /** Followed from the mail, so a browser usually asks: it gets a page; other clients get JSON. */
    private ApiResponse confirm(ApiRequest request) {
        boolean browser = request.header("accept").orElse("").contains("text/html");
        try {
            newsletter.confirm(request.query("token").orElse(null), request.sourceIp());
        } catch (DomainException refused) {
            if (!browser) {
                throw refused;
            }
            return refusedPage(refused, pages.refused("This link does not work", refused, FRONT_PAGE));
        }
        return browser
                ? html(200, pages.notice("You are subscribed", List.of("Thank you: the newsletter will come to this address."), FRONT_PAGE))
                : ApiResponse.of(200, ApiResponse.JSON, json.createObjectNode().put("status", "confirmed").toString());
    }

    private static boolean isForm(ApiRequest request) {
        return request.mediaType().equals(FormBody.MEDIA_TYPE);
    }

    /** JSON, or the form encoding, are the two bodies these routes take. */
    private static byte[] jsonBody(ApiRequest request) {
        if (!request.mediaType().equals("application/json")) {
            throw new RequestRejected.UnsupportedMediaType("application/json or " + FormBody.MEDIA_TYPE);
        }
        return request.jsonBody();
    }

    private static ApiResponse refusedPage(DomainException refused, String page) {
        ApiResponse response = html(Problems.status(refused.kind()), page);
        return refused.retryAfterSeconds().isPresent()
                ? response.withHeader("retry-after", Long.toString(refused.retryAfterSeconds().getAsLong()))
                : response;
    }

    private static ApiResponse html(int status, String page) {
        return ApiResponse.of(status, ApiResponse.HTML, page);
    }

    private static String receiptPath(Slug slug, CommentService.Receipt receipt) {
        return TrustedCommenters.receiptPath(slug, receipt.id());
    }

    private static Slug slug(ApiRequest request) {
        return Slug.of(request.pathParameter("slug"));
    }
}
