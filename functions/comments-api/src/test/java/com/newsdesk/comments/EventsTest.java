package com.newsdesk.comments;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.newsdesk.local.servers.Repository;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The files of {@code events/} for this function, exactly as {@code sam local invoke -e} sends them, through the
 * handler against the local servers: the samples stay true to the routes.
 */
class EventsTest {
    private final ReaderApi api = new ReaderApi();

    private static APIGatewayV2HTTPEvent event(String name) {
        return EventLoader.loadApiGatewayHttpEvent(Repository.root().resolve("events/" + name + ".json").toString());
    }

    private HttpResponse send(APIGatewayV2HTTPEvent event) {
        return api.send(HttpApiEvent.of(event));
    }

    /** The event about a comment, pointed at one that exists. */
    private static APIGatewayV2HTTPEvent about(String name, String commentId) {
        return HttpApiEvent.of(event(name)).path("id", commentId).event();
    }

    @Test
    void primingForTheSnapshot_storesNothing_andLeavesTheHandlerAnswering() throws Exception {
        api.publish("ukraine-peace-talks");

        api.handler.prime();

        assertThat(api.items("COMMENT#")).isEmpty();
        assertThat(send(event("get-comment-token")).status()).isEqualTo(200);
    }

    @Test
    void everyCommentAndNewsletterEvent_getsTheAnswerItsRouteGives() throws Exception {
        api.publish("ukraine-peace-talks");

        assertThat(send(event("get-comment-token")).status()).isEqualTo(200);
        HttpResponse posted = send(event("post-comment"));
        assertThat(posted.status()).isEqualTo(202);
        String id = posted.json().get("id").asText();
        assertThat(send(event("post-comment-form")).status()).isEqualTo(303);
        assertThat(send(about("get-comment-receipt", id)).body()).contains("awaiting moderation");
        assertThat(send(event("list-comment-queue")).body()).contains(id);
        assertThat(send(about("moderate-comment", id)).status()).isEqualTo(200);
        assertThat(send(event("list-comments")).body()).contains(id);
        assertThat(send(about("delete-comment", id)).status()).isEqualTo(200);
        assertThat(send(event("sign-up-newsletter")).status()).isEqualTo(303);
        assertThat(send(event("get-newsletter-notice")).body()).contains("Check your inbox");
        HttpResponse confirmation = send(event("confirm-newsletter"));
        assertThat(confirmation.status()).isEqualTo(404);
        assertThat(confirmation.body()).contains("This link does not work");
    }
}
