package com.newsdesk.comments;

import static com.newsdesk.comments.ReaderApi.comment;
import static com.newsdesk.comments.ReaderApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.testing.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each layer of spam defence on its own, against the real local servers. Spam never reaches the page. */
class SpamDefenceTest {
    private final ReaderApi api = new ReaderApi(Map.of("COMMENT_SPAM_WORDS", "casino, cheap pills"));

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return more;
    }

    /** An editor approved a comment from this address and name, and its commenter confirmed the address. */
    private void becomeKnown(String name, String email) {
        String id = api.postWithToken("peace-talks", comment(name, email, "An earlier comment from " + email.hashCode()))
                .json().get("id").asText();
        api.approve("peace-talks", id);
        assertThat(api.followCommenterLink(email).status()).isEqualTo(200);
    }

    private JsonNode onlyIn(String status) {
        JsonNode items = api.queue(status).json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @Test
    void filledHoneypot_isKeptAsSpam_whileTheBotIsToldPending_andNeverReachesThePage() {
        api.publish("peace-talks");
        becomeKnown("Bot", "bot@example.org");

        HttpResponse posted = api.postWithToken("peace-talks", with(comment("Bot", "bot@example.org", "Buy now"), "homepage", "https://spam.example"));

        assertThat(posted.status()).isEqualTo(202);
        assertThat(posted.json().get("status").asText()).isEqualTo("pending");
        assertThat(onlyIn("spam").get("reasons").toString()).contains("honeypot");
        assertThat(api.page("peace-talks")).doesNotContain("Buy now");
    }

    @Test
    void forgedToken_orOneForAnotherArticle_isRefusedWith422_andNothingIsStored() {
        api.publish("peace-talks");
        api.publish("ukraine-peace-talks", "other-story", true);
        String genuine = api.token("peace-talks");
        String[] parts = genuine.split("\\.");
        api.clock.advance(Duration.ofMinutes(1));

        HttpResponse forged = api.post("peace-talks", with(comment("Ada", "ada@example.org", "Hello"), "token", parts[0] + "." + parts[1] + ".AAAA"));
        HttpResponse backdated = api.post("peace-talks", with(comment("Ada", "ada@example.org", "Hello"), "token",
                parts[0] + "." + (Long.parseLong(parts[1]) - 60_000) + "." + parts[2]));
        HttpResponse garbage = api.post("peace-talks", with(comment("Ada", "ada@example.org", "Hello"), "token", "let-me-in"));
        HttpResponse elsewhere = api.post("other-story", with(comment("Ada", "ada@example.org", "Hello"), "token", genuine));

        for (HttpResponse refused : new HttpResponse[] {forged, backdated, garbage, elsewhere}) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("detail").asText())
                    .isEqualTo("The form token is not valid for this article. Reload the article page and post your comment again.");
            assertThat(refused.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/token");
        }
        assertThat(api.items("COMMENT#")).isEmpty();
    }

    @Test
    void tokenOlderThanADay_isRefusedWith422_andNothingIsStored() {
        api.publish("peace-talks");
        String token = api.token("peace-talks");
        api.clock.advance(Duration.ofHours(24).plusSeconds(1));

        HttpResponse stale = api.post("peace-talks", with(comment("Ada", "ada@example.org", "Hello"), "token", token));

        assertThat(stale.status()).isEqualTo(422);
        assertThat(stale.json().get("detail").asText()).contains("more than 24 hours ago");
        assertThat(api.items("COMMENT#")).isEmpty();
    }

    @Test
    void formSentSecondsAfterTheTokenWasFetched_isHeldForAnEditor_evenFromAKnownCommenter() {
        api.publish("peace-talks");
        becomeKnown("Ada", "ada@example.org");
        String token = api.token("peace-talks");
        api.clock.advance(Duration.ofSeconds(2));

        HttpResponse fast = api.post("peace-talks", with(comment("Ada", "ada@example.org", "Typed in two seconds"), "token", token));

        assertThat(fast.status()).isEqualTo(202);
        assertThat(fast.json().get("status").asText()).isEqualTo("pending");
        assertThat(onlyIn("pending").get("reasons").toString()).contains("posted-too-fast");
        assertThat(api.page("peace-talks")).doesNotContain("Typed in two seconds");
    }

    @Test
    void sixthPostWithinTenMinutesFromOneAddress_gets429WithRetryAfter_andIsNotStored() {
        api.publish("peace-talks");
        for (int i = 1; i <= 5; i++) {
            HttpResponse accepted = api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks").from("203.0.113.9")
                    .json(comment("Ada", "ada@example.org", "Comment " + i)));
            assertThat(accepted.status()).isEqualTo(202);
        }

        HttpResponse limited = api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks").from("203.0.113.9")
                .json(comment("Ada", "ada@example.org", "Comment 6")));
        HttpResponse limitedForm = api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks").from("203.0.113.9")
                .form(comment("Ada", "ada@example.org", "Comment 7")));
        HttpResponse otherReader = api.post("peace-talks", comment("Bob", "bob@example.org", "Comment from elsewhere"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("retry-after"))).isBetween(1L, 600L);
        assertThat(limited.json().get("detail").asText()).startsWith("Too many requests from your address");
        assertThat(limitedForm.status()).isEqualTo(429);
        assertThat(limitedForm.header("retry-after")).isNotNull();
        assertThat(limitedForm.body()).contains("Too many requests from your address");
        assertThat(otherReader.status()).isEqualTo(202);
        assertThat(api.items("COMMENT#")).hasSize(6);
        // the address itself is never stored, only its salted hash
        assertThat(api.servers.dynamoDb().scan(scan -> scan.tableName(api.table)).items().toString()).doesNotContain("203.0.113.9");
    }

    @Test
    void moreThanTwoLinks_holdTheCommentForAnEditor_evenFromAKnownCommenter() {
        api.publish("peace-talks");
        becomeKnown("Ada", "ada@example.org");

        HttpResponse twoLinks = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "See https://a.example and https://b.example"));
        HttpResponse threeLinks = api.postWithToken("peace-talks", comment("Ada", "ada@example.org",
                "See https://a.example, https://b.example and https://c.example"));

        assertThat(api.page("peace-talks")).contains("See <a href=\"https://a.example\"").doesNotContain("https://c.example");
        assertThat(threeLinks.json().get("status").asText()).isEqualTo("pending");
        assertThat(onlyIn("pending").get("reasons").toString()).contains("too-many-links");
    }

    @Test
    void sameBodyTwiceFromOneCommenter_gets409_andFromSomeoneElse_isHeld() {
        api.publish("peace-talks");
        becomeKnown("Bob", "bob@example.org");
        api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "Great   article!"));

        HttpResponse again = api.postWithToken("peace-talks", comment("Ada", "ADA@example.org", "great article!"));
        HttpResponse copied = api.postWithToken("peace-talks", comment("Bob", "bob@example.org", "Great article!"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).isEqualTo("You have already posted this comment on this article; it is not posted twice.");
        assertThat(copied.status()).isEqualTo(202);
        assertThat(copied.json().get("status").asText()).isEqualTo("pending");
        assertThat(api.queue("pending").json().get("items").get(1).get("reasons").toString()).contains("duplicate-body");
        assertThat(api.items("COMMENT#")).hasSize(3);
    }

    @Test
    void wordsOfTheNewsroomsList_sendTheCommentToSpam_inAnyField() {
        api.publish("peace-talks");

        api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "Try our CASINO tonight"));
        api.postWithToken("peace-talks", comment("Cheap  Pills", "bob@example.org", "Hello"));
        api.postWithToken("peace-talks", with(comment("Cy", "cy@example.org", "Nice"), "website", "https://best-casino.example/"));
        api.postWithToken("peace-talks", comment("Di", "di@example.org", "Occasional readers welcome"));

        JsonNode spam = api.queue("spam").json().get("items");
        assertThat(spam.findValuesAsText("name")).containsExactly("Ada", "Cheap  Pills", "Cy");
        assertThat(spam.get(0).get("reasons").toString()).contains("spam-words");
        assertThat(api.queue("pending").json().get("items").findValuesAsText("name")).containsExactly("Di");
    }

    @Test
    void knownCommenter_isPublishedDirectly_butOnlyWithTheFormToken_andIsToldTheSameAsAnyone() {
        api.publish("peace-talks");
        becomeKnown("Ada", "Ada@Example.org");

        HttpResponse withToken = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "Straight onto the page"));
        HttpResponse withoutToken = api.post("peace-talks", comment("Ada", "ada@example.org", "Posted without the script"));

        assertThat(withToken.json().get("status").asText()).isEqualTo("pending");
        assertThat(withoutToken.json().get("status").asText()).isEqualTo("pending");
        assertThat(api.page("peace-talks")).contains("Straight onto the page").doesNotContain("Posted without the script");
    }

    @Test
    void commenterMarkedAsSpam_isNoLongerKnown() {
        api.publish("peace-talks");
        becomeKnown("Ada", "ada@example.org");
        String id = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "Now selling things")).json().get("id").asText();

        api.moderate("peace-talks", id, "spam");
        HttpResponse next = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "Another one"));

        assertThat(next.json().get("status").asText()).isEqualTo("pending");
        assertThat(api.page("peace-talks")).doesNotContain("Now selling things").doesNotContain("Another one");
    }
}
