package com.newsdesk.core.comment;

import com.newsdesk.core.render.ShownComments;
import com.newsdesk.core.render.PublishedComment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.testing.Samples;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleJson;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.StoredArticle;
import com.newsdesk.core.failure.Violation;
import com.newsdesk.core.render.ArticleViews;
import com.newsdesk.core.render.InlineMarkdown;
import com.newsdesk.core.render.PageRenderer;
import com.newsdesk.core.render.SiteAssets;
import com.newsdesk.core.render.StructuredData;
import com.newsdesk.core.site.SiteSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comment section of the article page, and the pages a reader's form post lands on. */
class CommentsSectionTest {
    private static final SiteSettings SITE = new SiteSettings("The Daily Brief", "https://news.example", "en", ZoneId.of("UTC"), "");
    private static final Instant PUBLISHED = Instant.parse("2025-08-20T09:30:00Z");

    private final ArticleJson json = new ArticleJson();
    private final SiteAssets assets = new SiteAssets();
    private final ArticleViews views = new ArticleViews(SITE, new InlineMarkdown(), new StructuredData(SITE), assets);
    private final PageRenderer renderer = new PageRenderer();
    private final ReaderPages pages = new ReaderPages(renderer, views, SITE);

    private Article article(boolean commentsEnabled) throws Exception {
        ObjectNode node = (ObjectNode) json.mapper().readTree(Samples.article("night-buses-return"));
        node.put("commentsEnabled", commentsEnabled);
        return json.readRequest(json.mapper().writeValueAsBytes(node));
    }

    private String page(boolean commentsEnabled, List<PublishedComment> comments) throws Exception {
        return page(commentsEnabled, new ShownComments(comments, false));
    }

    private String page(boolean commentsEnabled, ShownComments comments) throws Exception {
        return renderer.article(views.build(Slug.of("night-buses-return"), article(commentsEnabled),
                new ArticleViews.Context(PUBLISHED, null, List.of(), comments, List.of(), false)));
    }

    private static PublishedComment comment(String id, String name, String body, PublishedComment... replies) {
        return new PublishedComment(id, name, Instant.parse("2025-08-21T10:00:00Z"), body, List.of(replies));
    }

    @Test
    void approvedComments_showWithTheirCount_repliesNestedUnderTheirParent() throws Exception {
        String page = page(true, List.of(
                comment("20250821100000000-aaaaaaaa", "Ada", "First", comment("20250821100000000-bbbbbbbb", "Bob", "Reply")),
                comment("20250821100000000-cccccccc", "Cy", "Second")));

        assertThat(page).contains("<h2 id=\"comments-title\">Comments (3)</h2>")
                .contains("<li class=\"comment\" id=\"comment-20250821100000000-aaaaaaaa\">\n"
                        + "<p class=\"comment__meta\"><span class=\"comment__name\">Ada</span> <time datetime=\"2025-08-21T10:00:00Z\">")
                .contains("<div class=\"comment__body\"><p>First</p></div>\n<ol class=\"comments__replies\">\n"
                        + "<li class=\"comment\" id=\"comment-20250821100000000-bbbbbbbb\">");
    }

    @Test
    void aPageShowingOnlyTheNewestComments_linksToTheFullListOnce() throws Exception {
        String page = page(true, new ShownComments(List.of(comment("20250821100000000-aaaaaaaa", "Ada", "Newest")), true));

        assertThat(page).containsOnlyOnce("This page shows the newest comments only.");
    }

    @Test
    void openComments_haveALabelledForm_aHiddenTokenField_andTheSameOriginScript() throws Exception {
        String page = page(true, List.of());

        assertThat(page).contains("<h2 id=\"comments-title\">Comments</h2>")
                .contains("<form id=\"comment-form\" class=\"comment-form\" method=\"post\" action=\"/api/articles/night-buses-return/comments\""
                        + " data-token-url=\"/api/articles/night-buses-return/comment-token\" aria-labelledby=\"comment-form-title\">")
                .contains("<label for=\"comment-name\">Name</label>", "<label for=\"comment-email\">Email (never published)</label>",
                        "<label for=\"comment-body\">Comment</label>", "<label for=\"comment-homepage\">Leave this field empty</label>")
                .contains("<input type=\"hidden\" name=\"token\" value=\"\">")
                .contains("<script src=\"" + assets.commentsScriptPath() + "\" defer></script>");
        assertThat(assets.commentsScriptPath()).matches("/assets/comments\\.[0-9a-f]{12}\\.js");
    }

    @Test
    void closedComments_showNoFormAndLoadNoCommentScript() throws Exception {
        String page = page(false, List.of(comment("20250821100000000-aaaaaaaa", "Ada", "Said before closing")));

        assertThat(page).contains("Comments are closed for this article.", "Said before closing", "Comments (1)")
                .doesNotContain("<form id=\"comment-form\"").doesNotContain(assets.commentsScriptPath());
    }

    @Test
    void formErrorPage_listsEachProblem_linkingToItsInput_andKeepsTheValuesEscaped_butNeverTheEmail() throws Exception {
        StoredArticle article = new StoredArticle(Slug.of("night-buses-return"), 1, com.newsdesk.core.article.ArticleStatus.PUBLISHED,
                article(true), article(true), 1L, PUBLISHED, PUBLISHED, PUBLISHED, PUBLISHED, 0, List.of(), null, null);
        SubmittedFields fields = SubmittedFields.ofForm(Map.of("name", "\"><script>x</script>", "email", "ada@example.org",
                "body", "</textarea><script>y</script>{{ page }}"), Submission.FIELDS);

        String page = pages.commentRefused(article, fields, new InvalidComment(List.of(
                new Violation("/website", "must be an http:// or https:// address"), new Violation("/token", "The form token is not valid."))));

        assertThat(page).contains("<meta name=\"robots\" content=\"noindex, nofollow\">")
                .contains("<li><a href=\"#comment-website\">Website</a>: must be an http:// or https:// address</li>")
                .contains("<li>Form: The form token is not valid.</li>")
                .contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"")
                .contains(">&lt;/textarea&gt;&lt;script&gt;y&lt;/script&gt;{{ page }}</textarea>")
                .contains("<a href=\"/city/night-buses-return/\">Back to the article</a>")
                .doesNotContain("ada@example.org");
    }
}
