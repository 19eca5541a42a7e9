package com.newsdesk.comments;

import static com.newsdesk.comments.ReaderApi.comment;
import static com.newsdesk.comments.ReaderApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.HttpResponse;
import org.junit.jupiter.api.Test;

/** Comments skip the moderation queue only for an address its owner proved, under the name they proved it with. */
class TrustedCommenterTest {
    private final ReaderApi api = new ReaderApi();

    private String approvedComment(String name, String email, String body) {
        String id = api.postWithToken("peace-talks", comment(name, email, body)).json().get("id").asText();
        api.approve("peace-talks", id);
        return id;
    }

    private long mailsTo(String address) {
        return api.mails().stream().filter(mail -> mail.startsWith("To: " + address + "\r\n")).count();
    }

    @Test
    void anApproval_mailsAConfirmationLink_andOnlyAfterItIsFollowed_doNextCommentsSkipTheQueue() {
        api.publish("peace-talks");
        approvedComment("Ada", "regular@example.org", "My first comment");
        approvedComment("Ada", "regular@example.org", "My second comment");

        api.postWithToken("peace-talks", comment("Ada", "regular@example.org", "Before confirming"));
        HttpResponse confirmed = api.followCommenterLink("regular@example.org");
        api.postWithToken("peace-talks", comment("Ada", "regular@example.org", "After confirming"));

        assertThat(mailsTo("regular@example.org")).isEqualTo(1);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Your address is confirmed").contains("Ada");
        assertThat(api.page("peace-talks")).contains("My second comment").doesNotContain("Before confirming").contains("After confirming");
    }

    @Test
    void anyoneElseUsingAnApprovedAddress_waitsForAnEditor_whetherOrNotItWasConfirmed() {
        api.publish("peace-talks");
        approvedComment("Ada", "regular@example.org", "My first comment");

        api.postWithToken("peace-talks", comment("Mallory", "regular@example.org", "Unconfirmed, another name"));
        api.postWithToken("peace-talks", comment("Ada", "regular@example.org", "Unconfirmed, the same name"));
        api.followCommenterLink("regular@example.org");
        api.postWithToken("peace-talks", comment("Mallory", "regular@example.org", "Confirmed, another name"));

        assertThat(api.page("peace-talks")).doesNotContain("Unconfirmed").doesNotContain("Confirmed, another name");
        assertThat(api.queue("pending").json().get("items").findValuesAsText("body"))
                .containsExactly("Unconfirmed, another name", "Unconfirmed, the same name", "Confirmed, another name");
    }

    @Test
    void theAnswerToAPost_isTheSameWhoeverTheAddressBelongsTo() {
        api.publish("peace-talks");
        approvedComment("Ada", "regular@example.org", "My first comment");
        api.followCommenterLink("regular@example.org");

        HttpResponse trusted = api.postWithToken("peace-talks", comment("Ada", "regular@example.org", "Published at once"));
        HttpResponse stranger = api.postWithToken("peace-talks", comment("Eve", "stranger@example.org", "Waits for an editor"));
        HttpResponse trustedReceipt = api.send(request("GET", "/api/articles/{slug}/comments/{id}/receipt").slug("peace-talks")
                .path("id", trusted.json().get("id").asText()));
        HttpResponse strangerReceipt = api.send(request("GET", "/api/articles/{slug}/comments/{id}/receipt").slug("peace-talks")
                .path("id", stranger.json().get("id").asText()));

        assertThat(api.page("peace-talks")).contains("Published at once").doesNotContain("Waits for an editor");
        assertThat(trusted.status()).isEqualTo(stranger.status()).isEqualTo(202);
        assertThat(trusted.json().get("status").asText()).isEqualTo(stranger.json().get("status").asText()).isEqualTo("pending");
        assertThat(trusted.body().replace(trusted.json().get("id").asText(), "ID"))
                .isEqualTo(stranger.body().replace(stranger.json().get("id").asText(), "ID"));
        assertThat(trustedReceipt.body().replace(trusted.json().get("id").asText(), "ID"))
                .isEqualTo(strangerReceipt.body().replace(stranger.json().get("id").asText(), "ID"));
    }

    @Test
    void aForgedLink_orOneWhoseCommenterWasMarkedAsSpam_confirmsNothing() {
        api.publish("peace-talks");
        String id = approvedComment("Ada", "regular@example.org", "My first comment");
        api.moderate("peace-talks", id, "spam");

        HttpResponse withdrawn = api.followCommenterLink("regular@example.org");
        HttpResponse forged = api.send(request("GET", "/api/articles/{slug}/comments/{id}/receipt").slug("peace-talks").path("id", id)
                .query("confirm", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").header("accept", "text/html"));
        api.postWithToken("peace-talks", comment("Ada", "regular@example.org", "After the spam mark"));

        assertThat(withdrawn.status()).isEqualTo(404);
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.body()).contains("This link does not work");
        assertThat(api.page("peace-talks")).doesNotContain("After the spam mark");
    }
}
