package com.newsdesk.checks;

import static com.newsdesk.checks.CommentsApi.expect;

import com.newsdesk.local.servers.FaultProxy.Fault;
import com.newsdesk.testing.FaultyAws;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What readers do with the comment and newsletter forms, through the comments function, and every page they land
 * on: receipts, confirmations and refusals, by a name for the case. Mails are read from the local outbox, as a
 * reader would open them.
 */
final class ReaderForms {
    private static final String COMMENTS = "/api/articles/{slug}/comments";
    private static final String TOKEN = "/api/articles/{slug}/comment-token";
    private static final String MODERATION = "/api/articles/{slug}/comments/{id}/moderation";
    private static final String RECEIPT = "/api/articles/{slug}/comments/{id}/receipt";
    private static final Pattern RECEIPT_PATH = Pattern.compile("/api/articles/[a-z0-9-]+/comments/([0-9a-z-]+)/receipt");
    private static final Pattern COMMENTER_LINK = Pattern.compile("/comments/([0-9a-z-]+)/receipt\\?confirm=([A-Za-z0-9_-]+)");
    private static final Pattern NEWSLETTER_LINK = Pattern.compile("/api/newsletter/confirm\\?token=([A-Za-z0-9_-]+)");
    /** Long enough for the form token to be trusted, and for the per-minute limits to start afresh. */
    private static final Duration WRITING_TIME = Duration.ofMinutes(1);

    private final Function<Map<String, String>, CommentsApi> apiWith;
    private final CommentsApi api;
    private final TestClock clock;
    private final Path outbox;
    private final Map<String, String> pages = new LinkedHashMap<>();

    /** @param apiWith the comments function on the site's table and bucket, with these settings overridden */
    ReaderForms(Function<Map<String, String>, CommentsApi> apiWith, TestClock clock, Path outbox) {
        this.apiWith = apiWith;
        this.api = apiWith.apply(Map.of());
        this.clock = clock;
        this.outbox = outbox;
    }

    /** The pages landed on so far, by case. */
    Map<String, String> pages() {
        return pages;
    }

    /**
     * A comment and two replies to it, each approved by an editor, so that the article page shows a thread; on the
     * way, the receipts of a comment awaiting moderation, approved and rejected, and the commenter's confirmation.
     */
    void commentThread(String slug) {
        String first = comment(slug, "Olena", "olena@example.org", "Thank you for explaining who sits at which table.", "");
        land("comment-receipt-awaiting-moderation", receipt(slug, first, Map.of()));
        approve(slug, first);
        land("comment-receipt-approved", receipt(slug, first, Map.of()));
        Matcher link = newestMail("olena@example.org", COMMENTER_LINK);
        land("commenter-address-confirmed", receipt(slug, link.group(1), Map.of("confirm", link.group(2))));
        land("commenter-link-invalid", expect(404, api.get(RECEIPT, Map.of("slug", slug, "id", first), Map.of("confirm", "made-up-token"))));
        approve(slug, comment(slug, "Marek", "marek@example.org", "Which table, though? The report does not say.", first));
        approve(slug, comment(slug, "Olena", "olena@example.org", "The second one, by the window.", first));

        String rejected = comment(slug, "Troll", "troll@example.org", "Nobody reads this anyway.", "");
        moderate(slug, rejected, "reject");
        land("comment-receipt-rejected", receipt(slug, rejected, Map.of()));
    }

    /**
     * Comment forms the function refuses or cannot store: fields to fix (the form shown again), the table out of
     * reach (the form shown again), comments closed, an unknown comment.
     */
    void commentRefusals(String slug, String closedSlug) {
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("name", "");
        invalid.put("email", "not an address");
        invalid.put("website", "ftp://example.org");
        invalid.put("body", "");
        invalid.put("token", token(slug));
        clock.advance(WRITING_TIME);
        land("comment-refused-fields-to-fix", expect(422, api.postForm(COMMENTS, Map.of("slug", slug), invalid)));

        land("comment-refused-comments-closed", expect(403, api.postForm(COMMENTS, Map.of("slug", closedSlug),
                fields("Ada", "ada@example.org", "Why are comments closed?", "", ""))));
        land("comment-not-stored", commentWhileStorageRefuses(slug));
        land("comment-receipt-not-found", expect(404, api.get(RECEIPT, Map.of("slug", slug, "id", "20250101000000000-unknown0"), Map.of())));
    }

    /** The table refuses connections as the comment is sent: the page gives the reason and the comment back. */
    private HttpResponse commentWhileStorageRefuses(String slug) {
        Map<String, String> comment = fields("Ada", "ada@example.org", "Will the summit be in Geneva?", "", token(slug));
        clock.advance(WRITING_TIME);
        try (FaultyAws aws = new FaultyAws()) {
            CommentsApi storageOutOfReach = apiWith.apply(aws.settings());
            aws.dynamoDb.inject(Fault.refuse());
            return expect(503, storageOutOfReach.postForm(COMMENTS, Map.of("slug", slug), comment));
        }
    }

    /** A sign-up, its receipt and confirmation, an address refused and a confirmation link that does not work. */
    void newsletter() {
        HttpResponse signedUp = expect(303, api.postForm("/api/newsletter", Map.of(), Map.of("email", "reader@example.org")));
        land("newsletter-check-your-inbox", expect(200, api.get(signedUp.header("location"), Map.of(), Map.of())));
        land("newsletter-subscribed", expect(200, api.get("/api/newsletter/confirm", Map.of(),
                Map.of("token", newestMail("reader@example.org", NEWSLETTER_LINK).group(1)))));
        land("newsletter-refused-address", expect(422, api.postForm("/api/newsletter", Map.of(), Map.of("email", "reader at example"))));
        land("newsletter-link-invalid", expect(404, api.get("/api/newsletter/confirm", Map.of(), Map.of("token", "made-up-token"))));
    }

    /** Posts the form as a reader who took a minute to write; the comment's id, from the receipt it redirects to. */
    private String comment(String slug, String name, String email, String body, String replyTo) {
        String token = token(slug);
        clock.advance(WRITING_TIME);
        HttpResponse posted = expect(303, api.postForm(COMMENTS, Map.of("slug", slug), fields(name, email, body, replyTo, token)));
        Matcher receipt = RECEIPT_PATH.matcher(posted.header("location"));
        if (!receipt.matches()) {
            throw new IllegalStateException("a comment post redirected to " + posted.header("location"));
        }
        return receipt.group(1);
    }

    private static Map<String, String> fields(String name, String email, String body, String replyTo, String token) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("website", "");
        fields.put("body", body);
        fields.put("replyTo", replyTo);
        fields.put("token", token);
        return fields;
    }

    /** What the page's script fetches when the reader starts on the form. */
    private String token(String slug) {
        return expect(200, api.get(TOKEN, Map.of("slug", slug), Map.of())).json().get("token").asText();
    }

    private void approve(String slug, String id) {
        moderate(slug, id, "approve");
    }

    private void moderate(String slug, String id, String action) {
        expect(200, api.editorPost(MODERATION, Map.of("slug", slug, "id", id), "{\"action\":\"" + action + "\"}"));
    }

    private HttpResponse receipt(String slug, String id, Map<String, String> query) {
        return expect(200, api.get(RECEIPT, Map.of("slug", slug, "id", id), query));
    }

    private void land(String name, HttpResponse page) {
        String type = page.header("content-type");
        if (type == null || !type.startsWith("text/html")) {
            throw new IllegalStateException(name + " answered " + type + ", not a page: " + page.body());
        }
        pages.put(name, page.body());
    }

    /** The link in the newest mail to the address. */
    private Matcher newestMail(String address, Pattern link) {
        try (Stream<Path> mails = Files.list(outbox)) {
            List<String> texts = mails.sorted().map(ReaderForms::read).filter(mail -> mail.startsWith("To: " + address + "\r\n")).toList();
            Matcher found = link.matcher(texts.isEmpty() ? "" : texts.get(texts.size() - 1));
            if (!found.find()) {
                throw new IllegalStateException("no mail to " + address + " with a link like " + link + " in " + outbox);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path mail) {
        try {
            return Files.readString(mail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
