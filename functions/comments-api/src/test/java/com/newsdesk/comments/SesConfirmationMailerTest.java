package com.newsdesk.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.apigateway.Unavailability;
import com.newsdesk.core.aws.Dependency;
import com.newsdesk.core.mailbox.ConfirmationMailer;
import com.newsdesk.core.mailbox.ConfirmationMessage;
import com.newsdesk.core.mailbox.EmailAddress;
import com.newsdesk.core.site.Settings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The function's SES mailer, its real SES v2 client against a local endpoint that answers as SES does (or not at
 * all): what is sent, what a refusal leaves, and how long a silent SES may hold a reader.
 */
class SesConfirmationMailerTest {
    private final HttpServer ses = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    private final AtomicReference<String> received = new AtomicReference<>();
    private final CountDownLatch unanswered = new CountDownLatch(1);
    private final ConfirmationMessage message = new ConfirmationMessage(EmailAddress.parse("reader@example.org").orElseThrow(),
            "Confirm your subscription to The Daily Brief", "Open https://news.example/api/newsletter/confirm?token=abc");

    SesConfirmationMailerTest() throws IOException {
    }

    private ConfirmationMailer mailer(int status, String answer) {
        ses.createContext("/", exchange -> {
            received.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (status != 200) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "MessageRejected");
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        return mailer(Map.of());
    }

    /** The function's own mailer, as wired without a local outbox, its SES client pointed at the local endpoint. */
    private ConfirmationMailer mailer(Map<String, String> extraSettings) {
        ses.start();
        Map<String, String> settings = new HashMap<>(Map.of(
                "AWS_REGION", "eu-west-1",
                "LOCAL_ACCESS_KEY_ID", "local",
                "LOCAL_SECRET_ACCESS_KEY", "local-secret",
                "LOCAL_ENDPOINT_SES", "http://127.0.0.1:" + ses.getAddress().getPort(),
                "MAIL_FROM", "newsletter@news.example"));
        settings.putAll(extraSettings);
        return ConfirmationMailers.of(Settings.of(settings), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        unanswered.countDown();
        ses.stop(0);
    }

    @Test
    void sendsOnePlainTextMail_fromTheNewsletterSender() throws Exception {
        mailer(200, "{\"MessageId\":\"0100018c-example\"}").send(message);

        String request = received.get();
        assertThat(request).startsWith("POST /v2/email/outbound-emails ");
        JsonNode mail = new ObjectMapper().readTree(request.substring(request.indexOf('{')));
        assertThat(mail.at("/FromEmailAddress").asText()).isEqualTo("newsletter@news.example");
        assertThat(mail.at("/Destination/ToAddresses/0").asText()).isEqualTo("reader@example.org");
        assertThat(mail.at("/Content/Simple/Subject/Data").asText()).isEqualTo("Confirm your subscription to The Daily Brief");
        assertThat(mail.at("/Content/Simple/Body/Text/Data").asText()).contains("confirm?token=abc");
    }

    @Test
    void refusal_failsWithoutNamingTheRecipient_soNoLogLineCarriesTheAddress() {
        ConfirmationMailer mailer = mailer(400, "{\"message\":\"Email address is not verified. The following identities failed "
                + "the check in region EU-WEST-1: reader@example.org\"}");

        assertThatThrownBy(() -> mailer.send(message))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SES refused the confirmation mail: MessageRejected (HTTP 400)")
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void sesThatDoesNotAnswer_failsTheSendWithinItsBound_asMailUnavailable() {
        ses.createContext("/", exchange -> {
            try {
                unanswered.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ConfirmationMailer mailer = mailer(Map.of("SES_ATTEMPT_TIMEOUT_MS", "300", "SES_CALL_TIMEOUT_MS", "800"));

        long started = System.nanoTime();
        Throwable failure = catchThrowable(() -> mailer.send(message));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(Unavailability.of((RuntimeException) failure))
                .hasValueSatisfying(unavailable -> assertThat(unavailable.dependency()).isEqualTo(Dependency.MAIL));
    }
}
