package com.newsdesk.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.mailbox.EmailAddress;
import com.newsdesk.core.mailbox.ConfirmationMessage;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The real SES v2 client against a local endpoint that answers as SES does: what is sent, and what a refusal leaves. */
class SesConfirmationMailerTest {
    private final HttpServer ses = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    private final AtomicReference<String> received = new AtomicReference<>();
    private final ConfirmationMessage message = new ConfirmationMessage(EmailAddress.parse("reader@example.org").orElseThrow(),
            "Confirm your subscription to The Daily Brief", "Open https://news.example/api/newsletter/confirm?token=abc");

    SesConfirmationMailerTest() throws IOException {
    }

    private SesConfirmationMailer mailer(int status, String answer) {
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
        ses.start();
        SesV2Client client = SesV2Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret")))
                .endpointOverride(URI.create("http://127.0.0.1:" + ses.getAddress().getPort()))
                .build();
        return new SesConfirmationMailer(client, "newsletter@news.example");
    }

    @AfterEach
    void stop() {
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
        SesConfirmationMailer mailer = mailer(400, "{\"message\":\"Email address is not verified. The following identities failed "
                + "the check in region EU-WEST-1: reader@example.org\"}");

        assertThatThrownBy(() -> mailer.send(message))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SES refused the confirmation mail: MessageRejected (HTTP 400)")
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }
}
