package com.newsdesk.comments;

import static com.newsdesk.comments.ReaderApi.comment;
import static com.newsdesk.comments.ReaderApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.testing.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comment routes of the HTTP contract, end to end against the real local DynamoDB and S3 servers. */
class CommentsApiTest {
    private final ReaderApi api = new ReaderApi();

    @Test
    void newComment_isAcceptedAsPending_andStaysOutOfThePageUntilApproved() {
        api.publish("peace-talks");

        HttpResponse posted = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "A fair summary of the talks."));

        assertThat(posted.status()).isEqualTo(202);
        assertThat(posted.json().get("status").asText()).isEqualTo("pending");
        assertThat(posted.json().get("id").asText()).matches("[0-9]{17}-[0-9a-z]{8}");
        assertThat(api.page("peace-talks")).doesNotContain("A fair summary of the talks.").contains("<h2 id=\"comments-title\">Comments</h2>");
        JsonNode queue = api.queue("pending").json();
        assertThat(queue.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("slug").asText()).isEqualTo("peace-talks");
            assertThat(item.get("name").asText()).isEqualTo("Ada");
            assertThat(item.get("reasons").toString()).contains("first-comment");
        });
    }

    @Test
    void approvedComment_appearsInTheStaticPage_withTheCountInTheHeading_andRepliesUnderTheirParent() {
        api.publish("peace-talks");
        String first = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "First thought.\n\nSecond paragraph.")).json().get("id").asText();

        HttpResponse approved = api.approve("peace-talks", first);

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("approved");
        assertThat(approved.json().get("changedPaths").toString()).contains("/news/peace-talks/");
        Map<String, String> reply = new LinkedHashMap<>(comment("Grace", "grace@example.org", "I disagree, see https://example.net/analysis."));
        reply.put("replyTo", first);
        String second = api.postWithToken("peace-talks", reply).json().get("id").asText();
        api.approve("peace-talks", second);

        String page = api.page("peace-talks");
        assertThat(page).contains("<h2 id=\"comments-title\">Comments (2)</h2>")
                .contains("<li class=\"comment\" id=\"comment-" + first + "\">")
                .contains("<span class=\"comment__name\">Ada</span>")
                .contains("<div class=\"comment__body\"><p>First thought.</p><p>Second paragraph.</p></div>")
                .contains("<a href=\"https://example.net/analysis\" rel=\"nofollow ugc noopener\">https://example.net/analysis</a>");
        String thread = page.substring(page.indexOf("id=\"comment-" + first + "\""));
        assertThat(thread.substring(0, thread.indexOf("</li>\n</ol>")))
                .contains("<ol class=\"comments__replies\">", "id=\"comment-" + second + "\"");
    }

    @Test
    void formPost_gets303ToAPageSayingItAwaitsModeration_thatLinksBackToTheArticle() {
        api.publish("peace-talks");

        HttpResponse posted = api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks")
                .form(comment("Ada", "ada@example.org", "Posted with JavaScript off.")));

        assertThat(posted.status()).isEqualTo(303);
        String location = posted.header("location");
        assertThat(location).matches("/api/articles/peace-talks/comments/[0-9]{17}-[0-9a-z]{8}/receipt");
        String id = location.split("/")[5];
        HttpResponse receipt = api.send(request("GET", "/api/articles/{slug}/comments/{id}/receipt").slug("peace-talks").path("id", id));
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.header("content-type")).startsWith("text/html");
        assertThat(receipt.header("cache-control")).isEqualTo("no-store");
        assertThat(receipt.body()).contains("<h1 id=\"notice-title\" class=\"notice__heading\">Thank you: your comment is awaiting moderation</h1>")
                .contains("<a href=\"/news/peace-talks/#comments\">Back to the article</a>")
                .contains("<link rel=\"stylesheet\" href=\"/assets/site.")
                .contains("<meta name=\"robots\" content=\"noindex, nofollow\">");
        // without the script's token the comment never skips moderation
        assertThat(api.queue("pending").json().get("items").get(0).get("reasons").toString()).contains("no-form-token");

        api.approve("peace-talks", id);

        HttpResponse live = api.send(request("GET", "/api/articles/{slug}/comments/{id}/receipt").slug("peace-talks").path("id", id));
        assertThat(live.body()).contains("Your comment is live", "<a href=\"/news/peace-talks/#comment-" + id + "\">");
        assertThat(api.page("peace-talks")).contains("Posted with JavaScript off.");
    }

    @Test
    void formPostWithErrors_getsAReadablePage_listingThem_withTheReadersValuesKeptAndEscaped() {
        api.publish("peace-talks");
        Map<String, String> fields = comment("<b>Ada</b>", "not an address", "My \"view\" & <i>yours</i>");
        fields.put("website", "javascript:alert(1)");

        HttpResponse refused = api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks").form(fields));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("content-type")).startsWith("text/html");
        assertThat(refused.body())
                .contains("<h1 id=\"notice-title\" class=\"notice__heading\">Your comment was not posted</h1>")
                .contains("<li><a href=\"#comment-email\">Email</a>: must be a valid e-mail address")
                .contains("<li><a href=\"#comment-website\">Website</a>: must be an http:// or https:// address")
                .contains("value=\"&lt;b&gt;Ada&lt;/b&gt;\"")
                .contains(">My &quot;view&quot; &amp; &lt;i&gt;yours&lt;/i&gt;</textarea>")
                .contains("value=\"javascript:alert(1)\"")
                .doesNotContain("not an address")
                .contains("<a href=\"/news/peace-talks/\">Back to the article</a>");
        assertThat(api.items("COMMENT#")).isEmpty();
    }

    @Test
    void commentsClosed_refusesPostsWith403_andThePageHasNoForm() {
        api.publish("ukraine-peace-talks", "closed-talks", false);

        HttpResponse json = api.post("closed-talks", comment("Ada", "ada@example.org", "Hello"));
        HttpResponse form = api.send(request("POST", "/api/articles/{slug}/comments").slug("closed-talks")
                .form(comment("Ada", "ada@example.org", "Hello")));
        HttpResponse token = api.send(request("GET", "/api/articles/{slug}/comment-token").slug("closed-talks"));

        assertThat(json.status()).isEqualTo(403);
        assertThat(json.header("content-type")).startsWith("application/problem+json");
        assertThat(json.json().get("detail").asText()).isEqualTo("Comments are closed for article 'closed-talks'.");
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.body()).contains("Comments are closed for article &#39;closed-talks&#39;.").doesNotContain("<form");
        assertThat(token.status()).isEqualTo(403);
        String page = api.page("closed-talks");
        assertThat(page).contains("Comments are closed for this article.")
                .doesNotContain("class=\"comment-form\"").doesNotContain("comments.");
        assertThat(api.items("COMMENT#")).isEmpty();
    }

    @Test
    void unknownAndUnpublishedArticles_get404() {
        api.publish("peace-talks");
        api.newsroom.publisher().unpublish(com.newsdesk.core.article.Slug.of("peace-talks"));

        HttpResponse unknown = api.post("no-such-story", comment("Ada", "ada@example.org", "Hello"));
        HttpResponse unpublished = api.post("peace-talks", comment("Ada", "ada@example.org", "Hello"));
        HttpResponse list = api.send(request("GET", "/api/articles/{slug}/comments").slug("peace-talks"));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("There is no article 'no-such-story'.");
        assertThat(unpublished.status()).isEqualTo(404);
        assertThat(list.status()).isEqualTo(404);
        assertThat(api.items("COMMENT#")).isEmpty();
    }

    @Test
    void approvedComments_listOldestFirst_inPages_withoutPendingOnes() {
        api.publish("peace-talks");
        for (int i = 1; i <= 5; i++) {
            String id = api.postWithToken("peace-talks", comment("Reader " + i, "reader" + i + "@example.org", "Comment number " + i)).json().get("id").asText();
            if (i != 3) {
                api.approve("peace-talks", id);
            }
        }

        JsonNode first = api.send(request("GET", "/api/articles/{slug}/comments").slug("peace-talks").query("limit", "2")).json();
        JsonNode second = api.send(request("GET", "/api/articles/{slug}/comments").slug("peace-talks").query("limit", "2")
                .query("cursor", first.get("nextCursor").asText())).json();

        assertThat(first.get("items").findValuesAsText("name")).containsExactly("Reader 1", "Reader 2");
        assertThat(second.get("items").findValuesAsText("name")).containsExactly("Reader 4", "Reader 5");
        assertThat(second.get("items").get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("id", "name", "postedAt", "body");
        HttpResponse badCursor = api.send(request("GET", "/api/articles/{slug}/comments").slug("peace-talks").query("cursor", "nonsense"));
        HttpResponse badLimit = api.send(request("GET", "/api/articles/{slug}/comments").slug("peace-talks").query("limit", "1000"));
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("detail").asText()).isEqualTo("limit must be a whole number from 1 to 100.");
    }

    @Test
    void moderationRoutes_needAnEditor() {
        api.publish("peace-talks");
        String id = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "Hello")).json().get("id").asText();

        HttpResponse anonymousQueue = api.send(request("GET", "/api/comments"));
        HttpResponse reporterQueue = api.send(request("GET", "/api/comments").claims(Map.of("sub", "r-1", "cognito:groups", "[reporters]")));
        HttpResponse anonymousApproval = api.send(request("POST", "/api/articles/{slug}/comments/{id}/moderation").slug("peace-talks")
                .path("id", id).json(Map.of("action", "approve")));
        HttpResponse anonymousDelete = api.send(request("DELETE", "/api/articles/{slug}/comments/{id}").slug("peace-talks").path("id", id));

        assertThat(anonymousQueue.status()).isEqualTo(401);
        assertThat(reporterQueue.status()).isEqualTo(403);
        assertThat(anonymousApproval.status()).isEqualTo(401);
        assertThat(anonymousDelete.status()).isEqualTo(401);
        assertThat(api.queue("pending").json().get("items")).hasSize(1);
    }

    @Test
    void moderationQueue_pagesThroughEveryArticle_oldestFirst() {
        api.publish("peace-talks");
        api.publish("ukraine-peace-talks", "more-talks", true);
        api.postWithToken("peace-talks", comment("One", "one@example.org", "first"));
        api.postWithToken("more-talks", comment("Two", "two@example.org", "second"));
        api.postWithToken("peace-talks", comment("Three", "three@example.org", "third"));

        JsonNode first = api.send(request("GET", "/api/comments").editor().query("limit", "2")).json();
        JsonNode second = api.send(request("GET", "/api/comments").editor().query("limit", "2")
                .query("cursor", first.get("nextCursor").asText())).json();

        assertThat(first.get("items").findValuesAsText("name")).containsExactly("One", "Two");
        assertThat(first.get("items").findValuesAsText("slug")).containsExactly("peace-talks", "more-talks");
        assertThat(second.get("items").findValuesAsText("name")).containsExactly("Three");
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(api.queue("approved").json().get("items")).isEmpty();
        assertThat(api.queue("bogus").status()).isEqualTo(400);
    }

    @Test
    void unknownActionOrComment_andMissingAction_areRefused_andChangeNothing() {
        api.publish("peace-talks");
        String id = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "Hello")).json().get("id").asText();

        HttpResponse unknownAction = api.moderate("peace-talks", id, "feature");
        HttpResponse missingAction = api.send(request("POST", "/api/articles/{slug}/comments/{id}/moderation").slug("peace-talks")
                .path("id", id).editor().json(Map.of()));
        HttpResponse unknownId = api.approve("peace-talks", "20250101000000000-abcdefgh");
        HttpResponse malformedId = api.approve("peace-talks", "../../etc");
        HttpResponse malformedJson = api.send(request("POST", "/api/articles/{slug}/comments/{id}/moderation").slug("peace-talks")
                .path("id", id).editor().json("{\"action\": "));

        assertThat(unknownAction.status()).isEqualTo(422);
        assertThat(unknownAction.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/action");
        assertThat(unknownAction.json().get("detail").asText()).isEqualTo("The moderation request has 1 problem: action must be approve, reject or spam.");
        assertThat(missingAction.status()).isEqualTo(422);
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(malformedId.status()).isEqualTo(404);
        assertThat(malformedJson.status()).isEqualTo(400);
        assertThat(api.queue("pending").json().get("items")).hasSize(1);
    }

    @Test
    void rejectingOrDeletingAnApprovedComment_takesItOffThePage() {
        api.publish("peace-talks");
        String kept = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "Stays on the page")).json().get("id").asText();
        String rejected = api.postWithToken("peace-talks", comment("Bob", "bob@example.org", "Rejected later")).json().get("id").asText();
        String deleted = api.postWithToken("peace-talks", comment("Cy", "cy@example.org", "Deleted later")).json().get("id").asText();
        api.approve("peace-talks", kept);
        api.approve("peace-talks", rejected);
        api.approve("peace-talks", deleted);
        assertThat(api.page("peace-talks")).contains("Comments (3)", "Rejected later", "Deleted later");

        HttpResponse rejection = api.moderate("peace-talks", rejected, "reject");
        HttpResponse deletion = api.send(request("DELETE", "/api/articles/{slug}/comments/{id}").slug("peace-talks").path("id", deleted).editor());

        assertThat(rejection.status()).isEqualTo(200);
        assertThat(deletion.status()).isEqualTo(200);
        assertThat(deletion.json().get("status").asText()).isEqualTo("deleted");
        assertThat(api.page("peace-talks")).contains("Comments (1)", "Stays on the page")
                .doesNotContain("Rejected later").doesNotContain("Deleted later");
        assertThat(api.send(request("DELETE", "/api/articles/{slug}/comments/{id}").slug("peace-talks").path("id", deleted).editor()).status())
                .isEqualTo(404);
        HttpResponse receipt = api.send(request("GET", "/api/articles/{slug}/comments/{id}/receipt").slug("peace-talks").path("id", rejected));
        assertThat(receipt.body()).contains("Your comment was not published");
    }

    @Test
    void replies_mustAnswerAnApprovedTopLevelComment_ofTheSameArticle() {
        api.publish("peace-talks");
        String pending = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "Not approved yet")).json().get("id").asText();
        String approved = api.postWithToken("peace-talks", comment("Bob", "bob@example.org", "Approved")).json().get("id").asText();
        api.approve("peace-talks", approved);
        Map<String, String> replyToApproved = new LinkedHashMap<>(comment("Cy", "cy@example.org", "A reply"));
        replyToApproved.put("replyTo", approved);
        String reply = api.postWithToken("peace-talks", replyToApproved).json().get("id").asText();
        api.approve("peace-talks", reply);

        for (String parent : new String[] {pending, reply, "20250101000000000-abcdefgh", "not-an-id"}) {
            Map<String, String> fields = new LinkedHashMap<>(comment("Di", "di@example.org", "Reply to " + parent));
            fields.put("replyTo", parent);
            HttpResponse refused = api.postWithToken("peace-talks", fields);
            assertThat(refused.status()).as(parent).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/replyTo");
        }
        assertThat(api.items("COMMENT#")).hasSize(3);
    }
}
