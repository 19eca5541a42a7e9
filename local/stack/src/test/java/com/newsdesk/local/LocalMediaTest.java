package com.newsdesk.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.testing.BrowserUpload;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A photo uploaded under make run as an editor uploads it: the form from the API, the file straight to S3Proxy, and
 * the stack handing the new upload to the media function as S3's event notification does in AWS.
 */
class LocalMediaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final LocalStackRunner local = new LocalStackRunner();

    @Test
    void uploadedPhoto_isProcessedWithoutBeingAsked_andItsVariantsAreServedImmutable() throws Exception {
        String token = "Bearer " + local.stack.editorToken();
        HttpResponse<String> asked = local.send(local.request("/api/media").header("authorization", token)
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"contentType\": \"image/jpeg\"}")));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        JsonNode item = JSON.readTree(asked.body());

        BrowserUpload.Answer posted = BrowserUpload.post(item.get("upload"), jpeg(700, 400), "image/jpeg");
        assertThat(posted.status()).as(posted.body()).isEqualTo(204);

        JsonNode processed = awaitProcessed(item.get("location").asText(), token);
        assertThat(processed.get("status").asText()).isEqualTo("ready");
        String variant = URI.create(processed.get("variants").get(0).get("url").asText()).getPath();
        HttpResponse<byte[]> served = local.send(local.request(variant), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("content-type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
    }

    private static JsonNode awaitProcessed(String location, String token) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            JsonNode item = JSON.readTree(local.send(local.request(location).header("authorization", token)).body());
            if (!item.get("status").asText().equals("awaiting-upload") || Instant.now().isAfter(giveUp)) {
                return item;
            }
            Thread.sleep(200);
        }
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", bytes);
        return bytes.toByteArray();
    }
}
