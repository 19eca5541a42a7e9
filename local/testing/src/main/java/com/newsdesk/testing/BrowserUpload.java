package com.newsdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/** A file posted to S3 with a presigned POST form (the media routes' {@code upload}), as an editor's browser posts it. */
public final class BrowserUpload {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BrowserUpload() {}

    /** S3's status and body. */
    public record Answer(int status, String body) {}

    /**
     * Posts the form's fields, then the file as the last part; {@code contentType} goes in the form's
     * {@code Content-Type} field and the file's part alike, so a test can post another type than the one signed.
     */
    public static Answer post(JsonNode upload, byte[] file, String contentType) {
        String boundary = "----newsdesk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Iterator<Map.Entry<String, JsonNode>> fields = upload.get("fields").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = field.getKey().equals("Content-Type") ? contentType : field.getValue().asText();
            part(body, boundary, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"", value.getBytes(StandardCharsets.UTF_8));
        }
        part(body, boundary, "Content-Disposition: form-data; name=\"" + upload.get("fileField").asText() + "\"; filename=\"photo\"\r\n"
                + "Content-Type: " + contentType, file);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(upload.get("url").asText()))
                            .header("content-type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
