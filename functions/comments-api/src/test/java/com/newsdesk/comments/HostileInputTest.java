package com.newsdesk.comments;

import static com.newsdesk.comments.ReaderApi.comment;
import static com.newsdesk.comments.ReaderApi.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a hostile or careless client can send, and what it gets: a clear 4xx, nothing stored, nothing executed. */
class HostileInputTest {
    private static final Pattern ANY_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private final ReaderApi api = new ReaderApi();

    private record Case(String what, int status, HttpApiEvent request) {}

    @Test
    void everyBadInput_getsItsOwn4xx_withAClearProblem_andNothingIsStored() {
        api.publish("peace-talks");
        api.publish("ukraine-peace-talks", "closed-talks", false);
        Function<Map<String, String>, HttpApiEvent> json = fields -> request("POST", "/api/articles/{slug}/comments").slug("peace-talks").json(fields);
        Map<String, String> valid = comment("Ada", "ada@example.org", "Hello");
        List<Case> cases = List.of(
                new Case("malformed JSON", 400, request("POST", "/api/articles/{slug}/comments").slug("peace-talks").json("{\"name\": \"Ada\",")),
                new Case("JSON with trailing content", 400, request("POST", "/api/articles/{slug}/comments").slug("peace-talks").json("{} {}")),
                new Case("not an object", 400, request("POST", "/api/articles/{slug}/comments").slug("peace-talks").json("[\"Ada\"]")),
                new Case("empty body", 400, request("POST", "/api/articles/{slug}/comments").slug("peace-talks").json("")),
                new Case("malformed form", 400, request("POST", "/api/articles/{slug}/comments").slug("peace-talks")
                        .body("application/x-www-form-urlencoded", "name=Ada&body=%ZZ")),
                new Case("a form field twice", 400, request("POST", "/api/articles/{slug}/comments").slug("peace-talks")
                        .body("application/x-www-form-urlencoded", "name=Ada&name=Bob&email=a%40example.org&body=x")),
                new Case("missing fields", 422, json.apply(Map.of())),
                new Case("blank name", 422, json.apply(comment("   ", "ada@example.org", "Hello"))),
                new Case("name over 80 characters", 422, json.apply(comment("A".repeat(81), "ada@example.org", "Hello"))),
                new Case("name over two lines", 422, json.apply(comment("Ada\nLovelace", "ada@example.org", "Hello"))),
                new Case("body over 5,000 characters", 422, json.apply(comment("Ada", "ada@example.org", "x".repeat(5_001)))),
                new Case("control characters in the body", 422, json.apply(comment("Ada", "ada@example.org", "bell\u0007"))),
                new Case("invalid e-mail", 422, json.apply(comment("Ada", "ada@", "Hello"))),
                new Case("e-mail with a header injection", 422, json.apply(comment("Ada", "ada@example.org\r\nBcc: all@example.org", "Hello"))),
                new Case("javascript: website", 422, json.apply(with(valid, "website", "javascript:alert(document.cookie)"))),
                new Case("data: website", 422, json.apply(with(valid, "website", "data:text/html,<script>alert(1)</script>"))),
                new Case("website with markup", 422, json.apply(with(valid, "website", "https://example.net/\"><script>alert(1)</script>"))),
                new Case("website hiding its host", 422, json.apply(with(valid, "website", "https://bank.example@evil.example/"))),
                new Case("unknown field", 422, json.apply(with(valid, "isAdmin", "true"))),
                new Case("number instead of text", 422, request("POST", "/api/articles/{slug}/comments").slug("peace-talks")
                        .json("{\"name\": 42, \"email\": \"ada@example.org\", \"body\": \"Hello\"}")),
                new Case("reply to nothing", 422, json.apply(with(valid, "replyTo", "20250101000000000-abcdefgh"))),
                new Case("a 1 MB body", 413, request("POST", "/api/articles/{slug}/comments").slug("peace-talks")
                        .json("{\"name\": \"Ada\", \"email\": \"ada@example.org\", \"body\": \"" + "x".repeat(1 << 20) + "\"}")),
                new Case("plain text body", 415, request("POST", "/api/articles/{slug}/comments").slug("peace-talks").body("text/plain", "Hello")),
                new Case("invalid slug", 400, request("POST", "/api/articles/{slug}/comments").slug("../../etc").json(valid)),
                new Case("unknown article", 404, request("POST", "/api/articles/{slug}/comments").slug("no-such-story").json(valid)),
                new Case("comments closed", 403, request("POST", "/api/articles/{slug}/comments").slug("closed-talks").json(valid)));

        for (Case bad : cases) {
            HttpResponse response = api.send(bad.request());

            assertThat(response.status()).as(bad.what()).isEqualTo(bad.status());
            if (response.header("content-type").startsWith("application/problem+json")) {
                assertThat(response.json().get("status").asInt()).as(bad.what()).isEqualTo(bad.status());
                assertThat(response.json().get("detail").asText()).as(bad.what()).isNotBlank()
                        .doesNotContain("Exception").doesNotContain("com.newsdesk").doesNotContain("dynamodb");
            } else {
                assertThat(response.body()).as(bad.what()).contains("Your comment was not posted");
            }
        }
        assertThat(api.items("COMMENT#")).isEmpty();
        assertThat(api.items("BODY#")).isEmpty();
    }

    @Test
    void everyProblemOfAComment_isListedAtOnce_withAPointerToItsField() {
        api.publish("peace-talks");

        HttpResponse refused = api.post("peace-talks", Map.of("name", "", "email", "nope", "body", "", "website", "ftp://example.org", "extra", "x"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/name", "/email", "/body", "/website", "/extra");
        assertThat(refused.json().get("detail").asText()).isEqualTo("The comment has 5 problems; each is listed in errors.");
    }

    @Test
    void scriptHtmlAndTemplateSyntax_inEveryField_appearAsTextInThePage() {
        api.publish("peace-talks");
        String hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>{{ page.meta }}{% include \"layouts/base\" %}\"'&";
        Map<String, String> fields = comment(hostile.substring(0, 80), "ada@example.org", hostile + "\n\nhttps://example.net/\"onmouseover=\"alert(3)");
        String id = api.postWithToken("peace-talks", fields).json().get("id").asText();

        api.approve("peace-talks", id);

        String page = api.page("peace-talks");
        String comments = page.substring(page.indexOf("<ol class=\"comments__list\">"), page.indexOf("<h3 id=\"comment-form-title\">"));
        assertThat(comments)
                .doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;{{ page.meta }}{% include &quot;layouts/base&quot; %}&quot;&#39;&amp;")
                .contains("<a href=\"https://example.net/\" rel=\"nofollow ugc noopener\">https://example.net/</a>&quot;onmouseover=&quot;alert(3)");
        assertThat(page.split("<script", -1)).hasSize(2 + 2); // JSON-LD, the share script and the comment script only
        HttpResponse listed = api.send(request("GET", "/api/articles/{slug}/comments").slug("peace-talks"));
        assertThat(listed.json().get("items").get(0).get("body").asText()).startsWith(hostile);
    }

    @Test
    void noEmailAddress_appearsInAnyResponseOrPage() throws Exception {
        api.publish("peace-talks");
        String email = "private.reader+news@example.org";
        String first = api.postWithToken("peace-talks", comment("Ada", email, "My address stays private")).json().get("id").asText();
        api.approve("peace-talks", first);
        Map<String, String> reply = comment("Ada", email, "Replying to myself");
        reply.put("replyTo", first);
        api.postWithToken("peace-talks", reply);
        api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks").form(comment("Ada", email, "From the form")));
        api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks").form(comment("", email, "Form with an error")));
        api.send(request("POST", "/api/articles/{slug}/comments").slug("peace-talks").form(comment("Ada", "ada@@example.org", "Bad address")));
        api.post("peace-talks", comment("Ada", email, "My address stays private"));
        api.send(request("GET", "/api/articles/{slug}/comments").slug("peace-talks"));
        api.queue("pending");
        api.queue("approved");
        api.send(request("GET", "/api/articles/{slug}/comments/{id}/receipt").slug("peace-talks").path("id", first));
        api.send(request("POST", "/api/newsletter").json(Map.of("email", email)));
        api.send(request("POST", "/api/newsletter").form(Map.of("email", "not@an@address")));
        api.page("peace-talks");

        assertThat(api.responses).hasSizeGreaterThan(15);
        for (HttpResponse response : api.responses) {
            assertThat(ANY_EMAIL.matcher(response.body()).find()).as(response.body()).isFalse();
            assertThat(response.headers().toString()).doesNotContain("@");
        }
        // stored, as it must be to moderate, and nowhere else
        assertThat(api.items("COMMENT#").toString()).contains(email);
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return more;
    }
}
