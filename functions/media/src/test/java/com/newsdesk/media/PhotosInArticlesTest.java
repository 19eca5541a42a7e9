package com.newsdesk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.articles.ArticlesHandler;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticleStore;
import com.newsdesk.core.article.SavedBy;
import com.newsdesk.core.article.Slug;
import com.newsdesk.testing.BrowserUpload;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.OnCue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Articles that use photos of the library: saved and published through the editors' routes, rendered by the
 * render worker, against the same local table, buckets and queue as the media routes and function.
 */
class PhotosInArticlesTest {
    private static final Pattern IMG = Pattern.compile("<img [^>]*>");
    private static final Pattern PICTURE = Pattern.compile("<picture>.*?</picture>", Pattern.DOTALL);
    private static final Pattern META = Pattern.compile("<meta (?:property|name)=\"([^\"]+)\" content=\"([^\"]*)\">");

    private final MediaDesk desk = new MediaDesk();
    private final MediaApiHandler media = desk.api(Clock.systemUTC());
    private final MediaFunction function = desk.function();
    private final ArticlesHandler articles = desk.articles();

    @Test
    void phonePhotoUsedInAnArticle_readersGetRightSizedVariantsWithNoLocation_andLinkPreviewsTheSocialCrop() throws Exception {
        // stored sideways as a phone does (orientation 6): upright it is 1600 x 800
        String lead = ready(Photos.phoneJpeg(Photos.landscape(800, 1600)));
        String inBody = ready(Photos.encoded(Photos.landscape(1000, 750), "jpeg"));

        assertThat(save("night-buses", article(lead, inBody), null).status()).isEqualTo(201);
        assertThat(send(HttpApiEvent.request("POST", "/api/articles/{slug}/publish").editor().slug("night-buses")).status()).isEqualTo(200);
        desk.renders.drain();
        String page = page("city/night-buses/index.html");

        List<String> images = all(IMG, page);
        assertThat(images).hasSize(2);
        String leadImage = images.get(0);
        assertThat(leadImage).matches(".*srcset=\"/media/[0-9a-f]{20}-320x160\\.jpg 320w, /media/\\S+ 640w, /media/\\S+ 960w,"
                        + " /media/\\S+ 1280w, /media/[0-9a-f]{20}-1600x800\\.jpg 1600w\".*")
                .contains("sizes=\"(min-width: 44rem) 42rem, calc(100vw - 2rem)\"", "alt=\"A night bus at the depot\"",
                        "width=\"1600\"", "height=\"800\"", "loading=\"eager\"", "fetchpriority=\"high\"")
                .doesNotContain("lazy");
        // browsers that take WebP get the same widths as WebP; the img (eager, high priority) stays the fallback
        assertThat(all(PICTURE, page)).hasSize(2);
        String leadPicture = all(PICTURE, page).get(0);
        assertThat(leadPicture).matches("<picture><source type=\"image/webp\" srcset=\"/media/[0-9a-f]{20}-320x160\\.webp 320w,"
                + " /media/\\S+ 640w, /media/\\S+ 960w, /media/\\S+ 1280w, /media/[0-9a-f]{20}-1600x800\\.webp 1600w\""
                + " sizes=\"\\(min-width: 44rem\\) 42rem, calc\\(100vw - 2rem\\)\"><img [^>]*>\n</picture>").contains(leadImage);
        assertThat(images.get(1)).contains("width=\"1000\"", "height=\"750\"", "loading=\"lazy\"", "decoding=\"async\"", " 640w")
                .doesNotContain("fetchpriority");
        String social = "https://news.example" + variant(lead, "social").get("url").asText().substring("https://news.example".length());
        assertThat(meta(page, "og:image")).isEqualTo(social).endsWith("-1200x630.jpg");
        assertThat(meta(page, "og:image:width")).isEqualTo("1200");
        assertThat(meta(page, "og:image:height")).isEqualTo("630");
        assertThat(meta(page, "og:image:alt")).isEqualTo("A night bus at the depot");
        assertThat(meta(page, "twitter:image")).isEqualTo(social);
        assertThat(meta(page, "twitter:image:alt")).isEqualTo("A night bus at the depot");
        assertThat(page).contains("\"image\":[{\"@type\":\"ImageObject\",\"url\":\"" + social + "\",\"width\":1200,\"height\":630}]");
        List<String> leadFiles = all(Pattern.compile("/media/[0-9a-f]{20}-\\d+x\\d+\\.(jpg|webp)"), leadPicture).stream().distinct().toList();
        assertThat(leadFiles).hasSize(10);
        for (String src : leadFiles) {
            byte[] file = desk.siteFile("https://news.example" + src);
            assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(file)).getFirstDirectoryOfType(GpsDirectory.class))
                    .as("location in " + src).isNull();
        }
        assertThat(page("index.html")).as("the home page's teaser").containsPattern("<img class=\"story__image\" src=\"/media/[0-9a-f]{20}-640x320\\.jpg\"");
        JsonNode used = desk.item(media, lead).json().get("usedBy");
        assertThat(used.toString()).isEqualTo("[{\"slug\":\"night-buses\",\"live\":true}]");
    }

    @Test
    void photoThatDoesNotExistOrIsNotReady_is422AtItsPointer_andNothingIsStored() throws Exception {
        String ready = ready(Photos.encoded(Photos.landscape(400, 300), "jpeg"));
        String awaiting = desk.requestUpload(media, "{\"contentType\": \"image/jpeg\"}").json().get("id").asText();
        String refused = desk.uploadAndProcess(media, function, "not a photo".getBytes(StandardCharsets.UTF_8), "image/jpeg")
                .get("id").asText();

        HttpResponse missing = save("late-bus", article("abcdefghij0123456789", ready), null);
        HttpResponse unready = save("late-bus", article(ready, awaiting), null);
        HttpResponse refusedOne = save("late-bus", article(refused, ready), null);

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").toString())
                .isEqualTo("[{\"pointer\":\"/image/media\",\"message\":\"names no photo of the media library\"}]");
        assertThat(unready.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/body/1/image/media");
        assertThat(unready.json().get("errors").get(0).get("message").asText()).contains("not been uploaded");
        assertThat(refusedOne.json().get("errors").get(0).get("message").asText()).contains("refused").contains("not a JPEG");
        assertThat(send(HttpApiEvent.request("GET", "/api/articles/{slug}").editor().slug("late-bus")).status()).isEqualTo(404);
        assertThat(desk.item(media, ready).json().get("usedBy")).isEmpty();

        HttpResponse saved = save("late-bus", article(ready, ready), null);
        HttpResponse changed = save("late-bus", article(ready, "abcdefghij0123456789"), saved.header("etag"));
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/body/1/image/media");
        assertThat(send(HttpApiEvent.request("GET", "/api/articles/{slug}").editor().slug("late-bus")).header("etag"))
                .isEqualTo(saved.header("etag"));
    }

    @Test
    void publishingADraftStoredWithoutItsSave_namingAPhotoThatDoesNotExist_is422_andNothingGoesLive() throws Exception {
        String photo = ready(Photos.encoded(Photos.landscape(400, 300), "jpeg"));
        Newsroom newsroom = desk.newsroom(store -> store);
        // as an import would store it: no save checked it
        Article imported = newsroom.json().readRequest(article(photo, "abcdefghij0123456789").getBytes(StandardCharsets.UTF_8));
        newsroom.store().create(Slug.of("imported"), imported, SavedBy.SYSTEM, Instant.now());

        HttpResponse published = send(HttpApiEvent.request("POST", "/api/articles/{slug}/publish").editor().slug("imported"));

        assertThat(published.status()).isEqualTo(422);
        assertThat(published.json().get("errors").toString())
                .isEqualTo("[{\"pointer\":\"/body/1/image/media\",\"message\":\"names no photo of the media library\"}]");
        assertThat(newsroom.store().find(Slug.of("imported")).orElseThrow().isLive()).isFalse();
        assertThat(desk.servers.s3().listObjectsV2(list -> list.bucket(desk.siteBucket).prefix("city/imported/")).keyCount())
                .as("no page written").isZero();
    }

    @Test
    void photoInUse_cannotBeDeleted_andOnceNoArticleUsesItIsDeletedWithItsVariants() throws Exception {
        String photo = ready(Photos.encoded(Photos.landscape(700, 400), "jpeg"));
        HttpResponse saved = save("bus-depot", article(photo, photo), null);

        HttpResponse inUse = delete(photo, true);
        HttpResponse byWriter = delete(photo, false);

        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("detail").asText()).contains("bus-depot");
        assertThat(byWriter.status()).isEqualTo(403);
        assertThat(desk.item(media, photo).status()).isEqualTo(200);

        save("bus-depot", plainArticle(), saved.header("etag"));
        HttpResponse deleted = delete(photo, true);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(desk.item(media, photo).status()).isEqualTo(404);
        assertThat(desk.mediaFiles()).isEmpty();
        assertThat(save("bus-depot-2", article(photo, photo), null).status()).as("a deleted photo cannot be used").isEqualTo(422);
    }

    @Test
    void deleteRunningWhileASaveUsesThePhoto_isRefused_andTheArticleKeepsIt() throws Exception {
        String photo = ready(Photos.encoded(Photos.landscape(700, 400), "jpeg"));
        OnCue beforeStoring = new OnCue("create", args -> true);
        Newsroom racing = desk.newsroom(store -> beforeStoring.wrap(ArticleStore.class, store));
        HttpResponse[] deleteDuringSave = new HttpResponse[1];
        beforeStoring.arm(() -> deleteDuringSave[0] = delete(photo, true));

        racing.articles().save(Slug.of("racing"), article(photo, photo).getBytes(StandardCharsets.UTF_8), OptionalLong.empty());

        assertThat(beforeStoring.landed()).isTrue();
        assertThat(deleteDuringSave[0].status()).as("the save's use is recorded before the article is").isEqualTo(409);
        assertThat(deleteDuringSave[0].json().get("detail").asText()).contains("racing");
        assertThat(desk.item(media, photo).json().get("usedBy").toString()).isEqualTo("[{\"slug\":\"racing\",\"live\":false}]");
    }

    @Test
    void replacedPhoto_rendersThePagesShowingItAgainWithTheNewVariants_evenWhenQueueingThemFailedOnce() throws Exception {
        String photo = ready(Photos.encoded(Photos.landscape(900, 600), "jpeg"));
        save("new-depot", article(photo, photo), null);
        send(HttpApiEvent.request("POST", "/api/articles/{slug}/publish").editor().slug("new-depot"));
        desk.renders.drain();
        String before = page("city/new-depot/index.html");
        List<String> oldFiles = desk.mediaFiles();

        HttpResponse byWriter = desk.send(media, HttpApiEvent.request("POST", "/api/media/{id}/replace").writer().path("id", photo)
                .json("{\"contentType\": \"image/jpeg\"}"));
        HttpResponse form = desk.send(media, HttpApiEvent.request("POST", "/api/media/{id}/replace").editor().path("id", photo)
                .json("{\"contentType\": \"image/jpeg\"}"));
        assertThat(byWriter.status()).isEqualTo(403);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().get("replacementPending").asBoolean()).isTrue();
        BrowserUpload.Answer posted = BrowserUpload.post(form.json().get("upload"), Photos.encoded(Photos.landscape(1200, 600), "jpeg"),
                "image/jpeg");
        assertThat(posted.status()).as(posted.body()).isEqualTo(204);
        String key = form.json().get("upload").get("fields").get("key").asText();
        // the first attempt records the new variants but cannot queue the pages; S3 delivers the event again
        assertThatThrownBy(() -> desk.notifyUpload(desk.functionWithoutItsQueue(), key)).isInstanceOf(RuntimeException.class);
        desk.notifyUpload(function, key);
        desk.renders.drain();
        String after = page("city/new-depot/index.html");

        assertThat(before).contains("width=\"900\" height=\"600\"");
        assertThat(after).contains("width=\"1200\" height=\"600\"").contains("-1200x600.jpg 1200w");
        assertThat(meta(after, "og:image")).isNotEqualTo(meta(before, "og:image"));
        assertThat(page("index.html")).contains(all(Pattern.compile("/media/[0-9a-f]{20}-640x320\\.jpg"), after).get(0));
        assertThat(desk.mediaFiles()).as("the old variants stay for pages and caches that still name them").containsAll(oldFiles);
        assertThat(desk.item(media, photo).json().has("replacementPending")).isFalse();
    }

    private String ready(byte[] photo) {
        JsonNode item = desk.uploadAndProcess(media, function, photo, "image/jpeg");
        assertThat(item.get("status").asText()).isEqualTo("ready");
        return item.get("id").asText();
    }

    private JsonNode variant(String id, String kind) {
        for (JsonNode variant : desk.item(media, id).json().get("variants")) {
            if (variant.get("kind").asText().equals(kind)) {
                return variant;
            }
        }
        throw new AssertionError("no " + kind + " variant");
    }

    private static String article(String leadPhoto, String bodyPhoto) {
        return """
                {"title": "Night buses return", "section": {"slug": "city", "name": "City"},
                 "authors": [{"name": "Ana Reporter"}],
                 "image": {"media": "%s", "alt": "A night bus at the depot", "caption": "The depot at 2 am."},
                 "body": [{"type": "paragraph", "text": "The night buses are back."},
                          {"type": "image", "image": {"media": "%s", "alt": "Drivers at the gate", "credit": "City Transport"}},
                          {"type": "paragraph", "text": "Routes resume on Friday."}]}
                """.formatted(leadPhoto, bodyPhoto);
    }

    private static String plainArticle() {
        return """
                {"title": "Night buses return", "section": {"slug": "city", "name": "City"},
                 "authors": [{"name": "Ana Reporter"}], "body": [{"type": "paragraph", "text": "The night buses are back."}]}
                """;
    }

    private HttpResponse save(String slug, String body, String ifMatch) {
        HttpApiEvent request = HttpApiEvent.request("PUT", "/api/articles/{slug}").editor().slug(slug).json(body);
        return send(ifMatch == null ? request : request.header("if-match", ifMatch));
    }

    private HttpResponse send(HttpApiEvent request) {
        return HttpResponse.of(request, articles.handleRequest(request.event(), null));
    }

    private HttpResponse delete(String id, boolean editor) {
        HttpApiEvent request = HttpApiEvent.request("DELETE", "/api/media/{id}").path("id", id);
        return desk.send(media, editor ? request.editor() : request.writer());
    }

    private String page(String key) {
        return new String(desk.siteFile("https://news.example/" + key), StandardCharsets.UTF_8);
    }

    private static String meta(String page, String name) {
        Matcher meta = META.matcher(page);
        while (meta.find()) {
            if (meta.group(1).equals(name)) {
                return meta.group(2);
            }
        }
        throw new AssertionError("no meta " + name);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
