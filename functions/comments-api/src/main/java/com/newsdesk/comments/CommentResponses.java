package com.newsdesk.comments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.apigateway.ApiResponse;
import com.newsdesk.core.comment.Comment;
import com.newsdesk.core.comment.CommentService;
import com.newsdesk.core.comment.CommentStore;

/**
 * The JSON bodies of the comment routes. None carries an e-mail address: {@link Comment} does not even hold one.
 */
final class CommentResponses {
    private final ObjectMapper json;

    CommentResponses(ObjectMapper json) {
        this.json = json;
    }

    ApiResponse accepted(CommentService.Receipt receipt) {
        ObjectNode body = json.createObjectNode()
                .put("id", receipt.id().value())
                .put("status", receipt.status().wireName());
        return ApiResponse.of(202, ApiResponse.JSON, body.toString());
    }

    ApiResponse token(String token) {
        return ApiResponse.of(200, ApiResponse.JSON, json.createObjectNode().put("token", token).toString());
    }

    /** Approved comments as readers may see them. */
    ApiResponse approved(CommentStore.Page page) {
        return ApiResponse.of(200, ApiResponse.JSON, page(page, false).toString());
    }

    /** The moderation queue: what the reader wrote, plus what editors need to judge it. */
    ApiResponse queue(CommentStore.Page page) {
        return ApiResponse.of(200, ApiResponse.JSON, page(page, true).toString());
    }

    ApiResponse moderated(CommentService.Moderated moderated, String status) {
        ObjectNode body = json.createObjectNode()
                .put("id", moderated.id().value())
                .put("status", status);
        ArrayNode changed = body.putArray("changedPaths");
        moderated.changedPaths().forEach(changed::add);
        return ApiResponse.of(200, ApiResponse.JSON, body.toString());
    }

    private ObjectNode page(CommentStore.Page page, boolean forEditors) {
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Comment comment : page.items()) {
            ObjectNode item = items.addObject()
                    .put("id", comment.id().value())
                    .put("name", comment.name())
                    .put("postedAt", comment.postedAt().toString())
                    .put("body", comment.body());
            if (comment.replyTo() != null) {
                item.put("replyTo", comment.replyTo().value());
            }
            if (forEditors) {
                item.put("slug", comment.slug().value())
                        .put("status", comment.status().wireName())
                        .put("client", comment.clientHash());
                if (comment.website() != null) {
                    item.put("website", comment.website());
                }
                if (comment.moderatedAt() != null) {
                    item.put("moderatedAt", comment.moderatedAt().toString());
                }
                comment.reasons().forEach(item.putArray("reasons")::add);
            }
        }
        if (page.nextCursor() == null) {
            body.putNull("nextCursor");
        } else {
            body.put("nextCursor", page.nextCursor());
        }
        return body;
    }
}
