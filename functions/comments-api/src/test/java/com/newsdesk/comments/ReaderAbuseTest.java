package com.newsdesk.comments;

import static com.newsdesk.comments.ReaderApi.comment;
import static com.newsdesk.comments.ReaderApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readers who abuse the comment and newsletter forms: reused tokens, address hopping, floods of junk fields. */
class ReaderAbuseTest {
    private final ReaderApi api = new ReaderApi();

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return more;
    }

    private HttpResponse postFrom(ReaderApi on, String address, Map<String, String> fields) {
        return on.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks").from(address).json(fields));
    }

    @Test
    void formToken_postsOneComment_aSecondUseGets422_asJsonAndAsTheFormAgainWithTheReadersValues() {
        api.publish("peace-talks");
        String token = api.token("peace-talks");
        api.clock.advance(Duration.ofMinutes(1));

        HttpResponse first = api.post("peace-talks", with(comment("Ada", "ada@example.org", "First thought"), "token", token));
        HttpResponse again = api.post("peace-talks", with(comment("Ada", "ada@example.org", "Second thought"), "token", token));
        HttpResponse againAsForm = api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks")
                .form(with(comment("Ada", "ada@example.org", "Third thought"), "token", token)));
        HttpResponse withAFreshToken = api.postWithToken("peace-talks", comment("Ada", "ada@example.org", "Fourth thought"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("detail").asText()).contains("already used");
        assertThat(again.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/token");
        assertThat(againAsForm.status()).isEqualTo(422);
        assertThat(againAsForm.header("content-type")).startsWith("text/html");
        assertThat(againAsForm.body()).contains("already used").contains("Third thought").contains("value=\"Ada\"");
        assertThat(withAFreshToken.status()).isEqualTo(202);
        assertThat(api.items("COMMENT#")).hasSize(2);
    }

    @Test
    void aCommentRefusedForItsFields_leavesTheTokenUnused() {
        api.publish("peace-talks");
        String token = api.token("peace-talks");
        api.clock.advance(Duration.ofMinutes(1));

        HttpResponse blankName = api.post("peace-talks", with(comment(" ", "ada@example.org", "A thought"), "token", token));
        HttpResponse corrected = api.post("peace-talks", with(comment("Ada", "ada@example.org", "A thought"), "token", token));

        assertThat(blankName.status()).isEqualTo(422);
        assertThat(corrected.status()).isEqualTo(202);
    }

    @Test
    void ipv6Readers_areCountedByTheirSlash64_soHoppingAddressesInsideItDoesNotHelp() {
        api.publish("peace-talks");
        for (int i = 1; i <= 5; i++) {
            assertThat(postFrom(api, "2001:db8:7:1::" + Integer.toHexString(i), comment("Ada", "ada@example.org", "Comment " + i)).status())
                    .isEqualTo(202);
        }

        HttpResponse sameNetwork = postFrom(api, "2001:db8:7:1:ffff:1:2:3", comment("Ada", "ada@example.org", "Comment 6"));
        HttpResponse otherNetwork = postFrom(api, "2001:db8:7:2::1", comment("Bob", "bob@example.org", "Comment 7"));

        assertThat(sameNetwork.status()).isEqualTo(429);
        assertThat(otherNetwork.status()).isEqualTo(202);
    }

    @Test
    void commentPostsFromManyAddresses_meetASiteWideCeilingPerMinute() {
        ReaderApi limited = new ReaderApi(Map.of("SITE_COMMENT_POSTS_PER_MINUTE", "3"));
        limited.publish("peace-talks");
        for (int i = 1; i <= 3; i++) {
            assertThat(limited.post("peace-talks", comment("Reader " + i, "r" + i + "@example.org", "Comment " + i)).status()).isEqualTo(202);
        }

        HttpResponse fourth = limited.post("peace-talks", comment("Reader 4", "r4@example.org", "Comment 4"));
        limited.clock.advance(Duration.ofMinutes(1));
        HttpResponse nextMinute = limited.post("peace-talks", comment("Reader 5", "r5@example.org", "Comment 5"));

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.json().get("detail").asText()).startsWith("The site is receiving too many");
        assertThat(fourth.header("retry-after")).isNotNull();
        assertThat(nextMinute.status()).isEqualTo(202);
    }

    @Test
    void oneInboxUnderManySpellings_isMailedAtMostThreeTimesADay() {
        List<String> spellings = List.of("Ada.Lovelace@gmail.com", "adalovelace+news@gmail.com", "a.d.a.lovelace@googlemail.com",
                "ADALOVELACE+x@GMAIL.COM", "ada.love.lace+y@gmail.com", "adalovelace@googlemail.com");

        for (String spelling : spellings) {
            assertThat(api.send(request("POST", "/api/newsletter").json(Map.of("email", spelling))).status()).isEqualTo(202);
        }

        assertThat(api.mails()).hasSize(3);
    }

    @Test
    void newsletterSignUpsFromManyAddresses_meetASiteWideCeilingPerMinute() {
        ReaderApi limited = new ReaderApi(Map.of("SITE_NEWSLETTER_MAILS_PER_MINUTE", "2"));
        for (int i = 1; i <= 2; i++) {
            assertThat(limited.send(request("POST", "/api/newsletter").json(Map.of("email", "n" + i + "@example.org"))).status())
                    .isEqualTo(202);
        }

        HttpResponse third = limited.send(request("POST", "/api/newsletter").json(Map.of("email", "n3@example.org")));

        assertThat(third.status()).isEqualTo(429);
        assertThat(limited.mails()).hasSize(2);
    }

    @Test
    void aFormOf5000UnknownFields_getsTwentyProblemsAndACountOfTheRest_asAPageAndAsJson() {
        api.publish("peace-talks");
        Map<String, String> junk = new LinkedHashMap<>(comment("Ada", "ada@example.org", "Hello"));
        for (int i = 0; i < 5000; i++) {
            junk.put("junk" + i, "x");
        }

        HttpResponse form = api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks").form(junk));
        HttpResponse json = api.post("peace-talks", junk);

        assertThat(form.status()).isEqualTo(422);
        assertThat(form.body().length()).isLessThan(20_000);
        assertThat(form.body()).contains("junk19").doesNotContain("junk20").contains("4980 more problems are not listed");
        assertThat(json.status()).isEqualTo(422);
        assertThat(json.body().length()).isLessThan(4_000);
        assertThat(json.json().get("errors")).hasSize(20);
        assertThat(json.json().get("moreErrors").asInt()).isEqualTo(4980);
        assertThat(json.json().get("detail").asText())
                .isEqualTo("The comment has 5000 problems; the first 20 are listed in errors, 4980 more are not.");
    }
}
