package com.newsdesk.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.apigateway.ApiResponse;
import com.newsdesk.core.media.MediaItem;
import com.newsdesk.core.media.MediaLibrary;
import com.newsdesk.core.media.MediaUses;
import com.newsdesk.core.media.UploadForm;
import com.newsdesk.core.media.Variant;
import com.newsdesk.core.site.SiteSettings;
import java.util.List;
import java.util.StringJoiner;

/** The JSON bodies of the media routes. */
final class MediaResponses {
    private final ObjectMapper json;
    private final SiteSettings site;

    MediaResponses(ObjectMapper json, SiteSettings site) {
        this.json = json;
        this.site = site;
    }

    /** 201: the new item, and the form the client posts the file with, straight to S3. */
    ApiResponse upload(MediaLibrary.Upload upload) {
        return ApiResponse.of(201, ApiResponse.JSON, withForm(upload).toString()).withHeader("location", location(upload.item()));
    }

    /** 200: the item as it is (its variants stay until the new file is processed), and the form for the new file. */
    ApiResponse replacement(MediaLibrary.Upload upload) {
        return ApiResponse.of(200, ApiResponse.JSON, withForm(upload).toString());
    }

    private ObjectNode withForm(MediaLibrary.Upload upload) {
        ObjectNode body = item(json.createObjectNode(), upload.item());
        UploadForm form = upload.form();
        ObjectNode post = body.putObject("upload").put("method", "POST").put("url", form.url())
                .put("expiresAt", form.expiresAt().toString()).put("fileField", "file");
        ObjectNode fields = post.putObject("fields");
        form.fields().forEach(fields::put);
        return body;
    }

    /** The item, and the articles using it: {@code live} when the photo is on the article's public page. */
    ApiResponse item(MediaLibrary.Shown shown) {
        ObjectNode body = item(json.createObjectNode(), shown.item());
        ArrayNode usedBy = body.putArray("usedBy");
        for (MediaUses.User user : shown.usedBy()) {
            usedBy.addObject().put("slug", user.slug()).put("live", user.shownLive(shown.item().id()));
        }
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }

    ApiResponse library(MediaLibrary.Page page) {
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(item -> item(items.addObject(), item));
        if (page.nextCursor() == null) {
            body.putNull("nextCursor");
        } else {
            body.put("nextCursor", page.nextCursor());
        }
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }

    private ObjectNode item(ObjectNode node, MediaItem item) {
        node.put("id", item.id().value())
                .put("status", item.status().wireName())
                .put("declaredType", item.declaredType())
                .put("uploadedBy", item.uploadedBy())
                .put("createdAt", item.createdAt().toString())
                .put("location", location(item));
        if (item.processedAt() != null) {
            node.put("processedAt", item.processedAt().toString());
        }
        if (item.refusal() != null) {
            node.put("reason", item.refusal());
        }
        if (item.replacementKey() != null) {
            node.put("replacementPending", true);
        }
        if (item.format() != null) {
            node.put("format", item.format()).put("width", item.width()).put("height", item.height());
        }
        if (!item.variants().isEmpty()) {
            ArrayNode variants = node.putArray("variants");
            for (Variant variant : item.variants()) {
                variants.addObject().put("kind", variant.kind()).put("width", variant.width()).put("height", variant.height())
                        .put("type", variant.mediaType()).put("url", site.absolute(variant.path()));
            }
            node.put("srcset", srcset(item.widths()));
            List<Variant> webp = item.widths(Variant.WEBP);
            if (!webp.isEmpty()) {
                node.put("webpSrcset", srcset(webp));
            }
            item.social().ifPresent(card -> node.put("socialImage", site.absolute(card.path())));
        }
        return node;
    }

    private String srcset(List<Variant> widths) {
        StringJoiner srcset = new StringJoiner(", ");
        for (Variant variant : widths) {
            srcset.add(site.absolute(variant.path()) + " " + variant.width() + "w");
        }
        return srcset.toString();
    }

    private static String location(MediaItem item) {
        return "/api/media/" + item.id().value();
    }
}
