package com.newsdesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.testing.BrowserUpload;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.TestClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Uploading a photo through a signed form to S3, and what the media function makes of it, against the local servers. */
class MediaUploadTest {
    private final MediaDesk desk = new MediaDesk();
    private final MediaApiHandler api = desk.api(Clock.systemUTC());
    private final MediaFunction function = desk.function();

    @Test
    void phonePhoto_becomesUprightVariantsAndASocialCard_withNoLocationOrOtherMetadata() throws Exception {
        byte[] photo = Photos.phoneJpeg(Photos.landscape(1600, 800));
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo)).getFirstDirectoryOfType(GpsDirectory.class))
                .as("the test photo carries a location").isNotNull();

        JsonNode item = uploadAndProcess(photo, "image/jpeg");

        assertThat(item.get("status").asText()).isEqualTo("ready");
        assertThat(item.get("format").asText()).isEqualTo("jpeg");
        // stored 1600x800 sideways, orientation 6: upright it is 800 wide and 1600 tall
        assertThat(item.get("width").asInt()).isEqualTo(800);
        assertThat(item.get("height").asInt()).isEqualTo(1600);
        List<String> sizes = new ArrayList<>();
        for (JsonNode variant : item.get("variants")) {
            sizes.add(variant.get("kind").asText() + " " + variant.get("width").asInt() + "x" + variant.get("height").asInt()
                    + " " + variant.get("type").asText());
            byte[] file = desk.siteFile(variant.get("url").asText());
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file));
            assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).as("GPS in " + variant).isNull();
            assertThat(directoryNames(metadata)).as("metadata of " + variant).noneMatch(name -> name.startsWith("Exif") || name.contains("XMP"));
            assertThat(new String(file, StandardCharsets.ISO_8859_1)).doesNotContain("Jane Photographer", "PhoneMaker");
            assertThat(desk.cacheControl(variant.get("url").asText())).isEqualTo("public, max-age=31536000, immutable");
            String extension = variant.get("type").asText().equals("image/webp") ? "webp" : "jpg";
            assertThat(variant.get("url").asText()).matches("https://news\\.example/media/[0-9a-f]{20}-\\d+x\\d+\\." + extension);
        }
        assertThat(sizes).containsExactly("width 320x640 image/jpeg", "width 320x640 image/webp", "width 640x1280 image/jpeg",
                "width 640x1280 image/webp", "width 800x1600 image/jpeg", "width 800x1600 image/webp", "social 1200x630 image/jpeg");
        byte[] webp = desk.siteFile(item.get("variants").get(1).get("url").asText());
        // a plain lossy WebP: the RIFF holds the VP8 bitstream alone, no EXIF or XMP chunk (nor the VP8X header they need)
        assertThat(new String(webp, 0, 16, StandardCharsets.ISO_8859_1)).matches("RIFF....WEBPVP8 ");
        assertThat(littleEndianInt(webp, 4)).as("RIFF size: one chunk, the bitstream").isEqualTo(webp.length - 8);
        for (BufferedImage upright : List.of(ImageIO.read(new ByteArrayInputStream(desk.siteFile(item.get("variants").get(0).get("url").asText()))),
                Photos.decodedWebp(webp))) {
            assertThat(upright.getWidth()).isEqualTo(320);
            // the red half was on the left as stored; turned clockwise it is on top
            assertThat(new java.awt.Color(upright.getRGB(160, 20)).getRed()).isGreaterThan(200);
            assertThat(new java.awt.Color(upright.getRGB(160, 620)).getBlue()).isGreaterThan(200);
        }
        assertThat(item.get("srcset").asText()).contains(".jpg 320w, ").endsWith(".jpg 800w");
        assertThat(item.path("webpSrcset").asText()).contains(".webp 320w, ").endsWith(".webp 800w");
        assertThat(item.get("socialImage").asText()).endsWith("-1200x630.jpg");
    }

    @Test
    void transparentPng_isAccepted_andGoesOverWhite() throws Exception {
        BufferedImage transparent = new BufferedImage(400, 300, BufferedImage.TYPE_INT_ARGB);
        JsonNode item = uploadAndProcess(Photos.encoded(transparent, "png"), "image/png");

        assertThat(item.get("status").asText()).isEqualTo("ready");
        assertThat(item.get("format").asText()).isEqualTo("png");
        BufferedImage variant = ImageIO.read(new ByteArrayInputStream(desk.siteFile(item.get("variants").get(0).get("url").asText())));
        assertThat(variant.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void fileThatIsNoImage_isRefusedWithTheReason_andNothingIsWritten() throws Exception {
        JsonNode item = uploadAndProcess("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "image/jpeg");

        assertRefused(item, "not a JPEG, PNG or WebP image");
    }

    @Test
    void svg_isRefusedWhenAskedFor_andWhenPostedUnderAnotherType() throws Exception {
        HttpResponse asked = desk.requestUpload(api, "{\"contentType\": \"image/svg+xml\"}");
        assertThat(asked.status()).isEqualTo(415);
        assertThat(asked.json().get("detail").asText()).contains("SVG", "scripts");

        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(uploadAndProcess(svg, "image/png"), "SVG is not accepted");
    }

    @Test
    void imageBombs_areRefusedFromTheirHeader_beforeAnyPixelIsDecoded() throws Exception {
        byte[] png = Photos.pngDeclaring(100_000, 100_000);
        byte[] jpeg = Photos.jpegDeclaring(65_000, 65_000);
        assertThat(png.length).isLessThan(100);

        long started = System.nanoTime();
        assertRefused(uploadAndProcess(png, "image/png"), "100000 x 100000 pixels (10000 megapixels); the limit is 50 megapixels");
        assertRefused(uploadAndProcess(jpeg, "image/jpeg"), "65000 x 65000 pixels");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void truncatedPhoto_isRefused() throws Exception {
        byte[] jpeg = Photos.encoded(Photos.landscape(1200, 800), "jpeg");
        byte[] png = Photos.encoded(Photos.landscape(1200, 800), "png");

        assertRefused(uploadAndProcess(Arrays.copyOf(jpeg, jpeg.length / 2), "image/jpeg"), "truncated or damaged");
        assertRefused(uploadAndProcess(Arrays.copyOf(png, png.length / 2), "image/png"), "truncated or damaged");
    }

    @Test
    void fileOverTheLimit_isRefusedByS3ItselfAndByTheApi() throws Exception {
        HttpResponse asked = desk.requestUpload(api, "{\"contentType\": \"image/jpeg\", \"size\": 31457280}");
        assertThat(asked.status()).isEqualTo(413);
        assertThat(asked.json().get("detail").asText()).contains("20 MB");

        JsonNode upload = desk.requestUpload(api, "{\"contentType\": \"image/jpeg\"}").json();
        byte[] thirtyMegabytes = new byte[30 * 1024 * 1024];
        BrowserUpload.Answer answer = BrowserUpload.post(upload.get("upload"), thirtyMegabytes, "image/jpeg");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("exceeds the maximum allowed size");
        assertThat(desk.uploaded(upload.get("id").asText())).isFalse();
    }

    @Test
    void wrongContentType_isRefusedByTheApi_andAFormPostedWithAnotherTypeByS3() throws Exception {
        HttpResponse asked = desk.requestUpload(api, "{\"contentType\": \"text/html\"}");
        assertThat(asked.status()).isEqualTo(415);
        assertThat(asked.json().get("detail").asText()).contains("image/jpeg");

        JsonNode upload = desk.requestUpload(api, "{\"contentType\": \"image/jpeg\"}").json();
        BrowserUpload.Answer answer = BrowserUpload.post(upload.get("upload"), Photos.encoded(Photos.landscape(20, 20), "jpeg"), "text/html");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).containsIgnoringCase("content-type");
        assertThat(desk.uploaded(upload.get("id").asText())).isFalse();
    }

    @Test
    void formUsedAfterItExpired_isRefusedByS3() throws Exception {
        TestClock elevenMinutesAgo = new TestClock(Instant.now().minus(Duration.ofMinutes(11)));
        JsonNode upload = desk.requestUpload(desk.api(elevenMinutesAgo), "{\"contentType\": \"image/jpeg\"}").json();

        BrowserUpload.Answer answer = BrowserUpload.post(upload.get("upload"), Photos.encoded(Photos.landscape(20, 20), "jpeg"), "image/jpeg");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("Policy expired");
        assertThat(desk.uploaded(upload.get("id").asText())).isFalse();
    }

    @Test
    void formPostedAgainAfterProcessing_changesNothing() throws Exception {
        JsonNode upload = desk.requestUpload(api, "{\"contentType\": \"image/jpeg\"}").json();
        String id = upload.get("id").asText();
        BrowserUpload.post(upload.get("upload"), Photos.encoded(Photos.landscape(400, 200), "jpeg"), "image/jpeg");
        desk.notifyUpload(function, id);
        JsonNode first = desk.item(api, id).json();

        BrowserUpload.post(upload.get("upload"), "not a photo".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        desk.notifyUpload(function, id);

        assertThat(desk.item(api, id).json()).isEqualTo(first);
        assertThat(first.get("status").asText()).isEqualTo("ready");
    }

    @Test
    void replacementFormForAPhotoAwaitingItsFile_renewsItsUpload_andARefusedPhotoCannotBeReplaced() {
        String id = desk.requestUpload(api, "{\"contentType\": \"image/jpeg\"}").json().get("id").asText();
        HttpResponse renewed = desk.send(api, HttpApiEvent.request("POST", "/api/media/{id}/replace").editor().path("id", id)
                .json("{\"contentType\": \"image/png\"}"));
        BrowserUpload.post(renewed.json().get("upload"), Photos.encoded(Photos.landscape(400, 200), "png"), "image/png");
        desk.notifyUpload(function, id);
        String refused = uploadAndProcess("not a photo".getBytes(StandardCharsets.UTF_8), "image/jpeg").get("id").asText();
        HttpResponse replacingRefused = desk.send(api, HttpApiEvent.request("POST", "/api/media/{id}/replace").editor()
                .path("id", refused).json("{\"contentType\": \"image/jpeg\"}"));

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().get("upload").get("fields").get("key").asText()).isEqualTo(id);
        assertThat(desk.item(api, id).json().get("format").asText()).isEqualTo("png");
        assertThat(replacingRefused.status()).isEqualTo(409);
        assertThat(replacingRefused.json().get("detail").asText()).contains("upload a new one");
    }

    @Test
    void unknownOrMalformedId_is404() {
        assertThat(desk.item(api, "abcdefghij0123456789").status()).isEqualTo(404);
        HttpResponse malformed = desk.item(api, "../../etc/passwd");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().get("detail").asText()).contains("no media item");
    }

    @Test
    void library_listsNewestFirst_inPages_andOnlyForEditors() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(desk.requestUpload(api, "{\"contentType\": \"image/png\"}").json().get("id").asText());
        }
        HttpResponse first = desk.send(api, HttpApiEvent.request("GET", "/api/media").editor().query("limit", "2"));
        HttpResponse second = desk.send(api, HttpApiEvent.request("GET", "/api/media").editor()
                .query(Map.of("limit", "2", "cursor", first.json().get("nextCursor").asText())));
        HttpResponse reader = desk.send(api, HttpApiEvent.request("GET", "/api/media").claims(Map.of("sub", "reader-1")));
        HttpResponse writer = desk.send(api, HttpApiEvent.request("GET", "/api/media").writer().query("limit", "2"));

        List<String> listed = new ArrayList<>();
        first.json().get("items").forEach(item -> listed.add(item.get("id").asText()));
        second.json().get("items").forEach(item -> listed.add(item.get("id").asText()));
        assertThat(listed).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(first.json().get("items").get(0).get("status").asText()).isEqualTo("awaiting-upload");
        assertThat(reader.status()).isEqualTo(403);
        assertThat(writer.status()).as("writers bring photos too").isEqualTo(200);
    }

    private JsonNode uploadAndProcess(byte[] file, String contentType) {
        return desk.uploadAndProcess(api, function, file, contentType);
    }

    private static int littleEndianInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16 | (bytes[offset + 3] & 0xFF) << 24;
    }

    private void assertRefused(JsonNode item, String reason) {
        assertThat(item.get("status").asText()).isEqualTo("refused");
        assertThat(item.get("reason").asText()).contains(reason);
        assertThat(item.has("variants")).isFalse();
        assertThat(desk.mediaFiles()).isEmpty();
    }

    private static List<String> directoryNames(Metadata metadata) {
        List<String> names = new ArrayList<>();
        for (Directory directory : metadata.getDirectories()) {
            names.add(directory.getName());
        }
        return names;
    }
}
