package com.newsdesk.core.comment;

import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.failure.Violations;
import com.newsdesk.core.render.ArticleView.Crumb;
import com.newsdesk.core.render.ArticleView.PageMeta;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.CommentFormView;
import com.newsdesk.core.render.NoticeView;
import com.newsdesk.core.render.NoticeView.FieldError;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.site.SiteSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small pages a reader's browser lands on after posting a form with JavaScript off: where their comment
 * stands, what was wrong with their form (their values kept), or what happened to their newsletter sign-up. Same
 * layout and stylesheet as the site; never indexed; never cached (the routes answer {@code no-store}).
 */
public final class ReaderPages {
    /** The form's inputs by the pointer of their field: label and element id ({@code null}: a hidden field). */
    private static final Map<String, Input> INPUTS = Map.of(
            "/" + Submission.NAME, new Input("Name", "comment-name"),
            "/" + Submission.EMAIL, new Input("Email", "comment-email"),
            "/" + Submission.WEBSITE, new Input("Website", "comment-website"),
            "/" + Submission.BODY, new Input("Comment", "comment-body"),
            "/" + Submission.REPLY_TO, new Input("Reply", null),
            "/" + Submission.TOKEN, new Input("Form", null));

    private record Input(String label, String id) {}

    private final PageRenderer renderer;
    private final ArticleViews views;
    private final SiteSettings site;

    public ReaderPages(PageRenderer renderer, ArticleViews views, SiteSettings site) {
        this.renderer = renderer;
        this.views = views;
        this.site = site;
    }

    /** Where a comment stands: the page a form post is redirected to. */
    public String commentReceipt(CommentService.Receipt receipt) {
        String articlePath = receipt.article().publicPath();
        return switch (receipt.status()) {
            case APPROVED -> notice("Your comment is live", List.of("Thank you for joining the conversation."),
                    new Crumb("See your comment under the article", articlePath + "#comment-" + receipt.id()));
            case REJECTED -> notice("Your comment was not published",
                    List.of("An editor reviewed your comment and decided not to publish it."),
                    new Crumb("Back to the article", articlePath));
            default -> notice("Thank you: your comment is awaiting moderation",
                    List.of("An editor reviews new comments before they appear under the article; a comment from an "
                            + "address its commenter confirmed may appear at once. Once approved, it is part of the page."),
                    new Crumb("Back to the article", articlePath + "#comments"));
        };
    }

    /** The commenter followed the link that confirms their address. */
    public String commenterConfirmed(CommentService.Receipt receipt, String name) {
        return notice("Your address is confirmed",
                List.of("Thank you. Your next comments from this address under the name \u201c" + name + "\u201d appear "
                        + "under the article without waiting for an editor; a comment under another name, or one that looks "
                        + "like spam, still waits."),
                new Crumb("Back to the article", receipt.article().publicPath() + "#comments"));
    }

    /**
     * The comment could not be posted. Problems with the fields are listed and the form is shown again, filled in;
     * a refusal the reader cannot fix by editing (comments closed, unknown article, too many posts) is explained.
     *
     * @param article the article, if it exists and is live
     */
    public String commentRefused(StoredArticle article, SubmittedFields fields, DomainException failure) {
        Crumb back = article == null ? new Crumb("Go to the front page", "/") : new Crumb("Back to the article", article.publicPath());
        List<String> paragraphs = new ArrayList<>();
        CommentFormView form = null;
        if (!failure.violations().isEmpty() && article != null) {
            paragraphs.add("Please correct the following and send it again. For your privacy your e-mail address is not "
                    + "sent back to you: enter it again.");
            form = refilledForm(article.slug().value(), fields);
            int more = Violations.of(failure.violations()).more();
            if (more > 0) {
                paragraphs.add(more + " more problems are not listed.");
            }
        } else {
            paragraphs.add(failure.getMessage());
        }
        return renderer.readerNotice(new NoticeView(meta("Your comment was not posted", back), "Your comment was not posted",
                paragraphs, errors(failure.violations(), form != null), form, back));
    }

    /**
     * The comment could not be stored because a service was out of reach (the article itself may be unreadable
     * too): the reason, and the form filled in again to send in a moment.
     */
    public String commentNotStored(Slug slug, SubmittedFields fields, DomainException failure) {
        Crumb back = new Crumb("Go to the front page", "/");
        return renderer.readerNotice(new NoticeView(meta("Your comment was not posted", back), "Your comment was not posted",
                List.of(failure.getMessage(), "Your comment is below as you wrote it. For your privacy your e-mail address "
                        + "is not sent back to you: enter it again."),
                List.of(), refilledForm(slug.value(), fields), back));
    }

    /** A notice of one heading and a few sentences, with a link to go on. */
    public String notice(String heading, List<String> paragraphs, Crumb next) {
        return renderer.readerNotice(new NoticeView(meta(heading, next), heading, paragraphs, List.of(), null, next));
    }

    /** A form other than the comment form was refused: the reason, with its problems listed. */
    public String refused(String heading, DomainException failure, Crumb next) {
        List<String> paragraphs = failure.violations().isEmpty() ? List.of(failure.getMessage()) : List.of("Please correct the following and try again.");
        return renderer.readerNotice(new NoticeView(meta(heading, next), heading, paragraphs, errors(failure.violations(), false), null, next));
    }

    /** Labels as the form shows them; with the form on the page, each error links to its input. */
    private static List<FieldError> errors(List<Violation> violations, boolean linkToInputs) {
        return Violations.of(violations).shown().stream().map(violation -> {
            Input input = INPUTS.get(violation.pointer());
            if (input == null) {
                String name = violation.pointer().substring(1);
                return new FieldError(name.isEmpty() ? "Form" : name, violation.message(), null);
            }
            return new FieldError(input.label(), violation.message(), linkToInputs ? input.id() : null);
        }).toList();
    }

    private PageMeta meta(String heading, Crumb next) {
        String path = next.url().contains("#") ? next.url().substring(0, next.url().indexOf('#')) : next.url();
        return new PageMeta(site.language(), "ltr", heading + " | " + site.name(), heading, site.absolute(path), false,
                "website", null, null, List.of(), views.siteView());
    }

    private CommentFormView refilledForm(String slug, SubmittedFields fields) {
        return views.commentForm(slug).refilled(fields.get(Submission.NAME), fields.get(Submission.WEBSITE),
                fields.get(Submission.BODY), fields.get(Submission.REPLY_TO));
    }
}
