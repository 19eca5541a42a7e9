package com.newsdesk.comments;

import static com.newsdesk.comments.ReaderApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The newsletter's double opt-in, with the local outbox in place of SES. */
class NewsletterTest {
    private static final Pattern LINK = Pattern.compile("https://news\\.example/api/newsletter/confirm\\?token=([A-Za-z0-9_-]+)");
    private final ReaderApi api = new ReaderApi();

    private static String token(String mail) {
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).as(mail).isTrue();
        return link.group(1);
    }

    private HttpResponse confirm(String token, boolean browser) {
        var request = request("GET", "/api/newsletter/confirm").query("token", token);
        return api.send(browser ? request.header("accept", "text/html,application/xhtml+xml") : request);
    }

    @Test
    void signUp_mailsAConfirmationLink_andFollowingItConfirms() {
        HttpResponse signedUp = api.send(request("POST", "/api/newsletter").json(Map.of("email", "reader@example.org")));

        assertThat(signedUp.status()).isEqualTo(202);
        assertThat(signedUp.json().get("status").asText()).isEqualTo("pending-confirmation");
        assertThat(api.mails()).singleElement().satisfies(mail -> assertThat(mail)
                .startsWith("To: reader@example.org\r\nSubject: Confirm your subscription to The Daily Brief\r\n")
                .contains("within 48 hours"));
        String token = token(api.mails().get(0));
        String stored = api.servers.dynamoDb().scan(scan -> scan.tableName(api.table)).items().toString();
        assertThat(stored).contains("pending").doesNotContain(token);

        HttpResponse confirmed = confirm(token, true);
        HttpResponse again = confirm(token, false);

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("confirmed");
        assertThat(api.servers.dynamoDb().scan(scan -> scan.tableName(api.table)).items().toString()).contains("confirmed");
    }

    @Test
    void signingUpAnAddressThatIsAlreadySubscribed_getsTheSameAnswer_andMailsNothing() {
        api.send(request("POST", "/api/newsletter").json(Map.of("email", "reader@example.org")));
        confirm(token(api.mails().get(0)), false);

        HttpResponse subscribed = api.send(request("POST", "/api/newsletter").json(Map.of("email", "Reader@Example.org")));
        HttpResponse fresh = api.send(request("POST", "/api/newsletter").json(Map.of("email", "new@example.org")));

        assertThat(subscribed.status()).isEqualTo(fresh.status());
        assertThat(subscribed.body()).isEqualTo(fresh.body());
        assertThat(api.mails()).hasSize(2);
    }

    @Test
    void formSignUp_gets303ToACheckYourInboxPage_andAFormError_aReadablePage() {
        HttpResponse signedUp = api.send(request("POST", "/api/newsletter").form(Map.of("email", "reader@example.org")));
        HttpResponse page = api.send(request("GET", "/api/newsletter"));
        HttpResponse refused = api.send(request("POST", "/api/newsletter").form(Map.of("email", "<script>")));

        assertThat(signedUp.status()).isEqualTo(303);
        assertThat(signedUp.header("location")).isEqualTo("/api/newsletter");
        assertThat(page.body()).contains("Check your inbox");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("content-type")).startsWith("text/html");
        assertThat(refused.body()).contains("You are not signed up yet", "Email: must be a valid e-mail address").doesNotContain("<script>");
        assertThat(api.mails()).hasSize(1);
    }

    @Test
    void badInput_gets4xx_andMailsNothing() {
        HttpResponse invalid = api.send(request("POST", "/api/newsletter").json(Map.of("email", "nope")));
        HttpResponse missing = api.send(request("POST", "/api/newsletter").json(Map.of()));
        HttpResponse unknownField = api.send(request("POST", "/api/newsletter").json(Map.of("email", "reader@example.org", "list", "all")));
        HttpResponse malformed = api.send(request("POST", "/api/newsletter").json("{"));
        HttpResponse text = api.send(request("POST", "/api/newsletter").body("text/plain", "reader@example.org"));

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/email");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(text.status()).isEqualTo(415);
        assertThat(api.mails()).isEmpty();
    }

    @Test
    void unknownOrExpiredLinks_get404_andConfirmNothing() {
        api.send(request("POST", "/api/newsletter").json(Map.of("email", "reader@example.org")));
        String token = token(api.mails().get(0));
        api.clock.advance(Duration.ofHours(49));

        HttpResponse expired = confirm(token, false);
        HttpResponse unknown = confirm("made-up-token", true);
        HttpResponse none = api.send(request("GET", "/api/newsletter/confirm"));

        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.json().get("detail").asText()).isEqualTo("This confirmation link is not valid or has expired. Sign up again to get a new one.");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link does not work");
        assertThat(none.status()).isEqualTo(404);
        assertThat(api.servers.dynamoDb().scan(scan -> scan.tableName(api.table)).items().toString()).doesNotContain("confirmed");
    }

    @Test
    void signUpsAreRateLimitedPerClientAddress_andMailsPerRecipient() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.send(request("POST", "/api/newsletter").from("203.0.113.20").json(Map.of("email", "r" + i + "@example.org"))).status())
                    .isEqualTo(202);
        }
        HttpResponse limited = api.send(request("POST", "/api/newsletter").from("203.0.113.20").json(Map.of("email", "r9@example.org")));
        for (int i = 0; i < 5; i++) {
            assertThat(api.send(request("POST", "/api/newsletter").json(Map.of("email", "victim@example.org"))).status()).isEqualTo(202);
        }

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("retry-after")).isNotNull();
        assertThat(api.mails().stream().filter(mail -> mail.startsWith("To: victim@example.org"))).hasSize(3);
    }
}
