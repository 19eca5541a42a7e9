package com.newsdesk.media;

import com.newsdesk.apigateway.ApiRequest;
import com.newsdesk.apigateway.ApiResponse;
import com.newsdesk.apigateway.Role;
import com.newsdesk.apigateway.HttpApiFunction;
import com.newsdesk.apigateway.RequestRejected;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.media.MediaLibrary;
import com.newsdesk.core.site.Settings;
import java.time.Clock;

/**
 * The editors' media routes: sign an upload, list the library, show one item with its variants and the articles
 * using it, sign a replacement file for it, delete it.
 */
public final class MediaApiHandler extends HttpApiFunction {
    private final MediaLibrary library;
    private final MediaResponses responses;

    /** Lambda's entry point: reads the environment and builds the clients once per container. */
    public MediaApiHandler() {
        this(Newsroom.fromEnvironment());
    }

    /** With the function's settings given, as the local stack runs it. */
    public MediaApiHandler(Settings settings) {
        this(Newsroom.from(settings, Clock.systemUTC()));
    }

    MediaApiHandler(Newsroom newsroom) {
        super(newsroom.settings());
        this.library = newsroom.mediaLibrary();
        this.responses = new MediaResponses(newsroom.json().mapper(), newsroom.site());
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        // writers and editors alike bring photos to their stories; what changes published pages is the editors'
        return switch (request.routeKey()) {
            case "POST /api/media" -> responses.upload(library.requestUpload(request.jsonBody(), Role.WRITER.require(request).subject()));
            case "GET /api/media" -> {
                Role.WRITER.require(request);
                yield responses.library(library.library(request.query("limit"), request.query("cursor")));
            }
            case "GET /api/media/{id}" -> {
                Role.WRITER.require(request);
                yield responses.item(library.item(request.pathParameter("id")));
            }
            case "POST /api/media/{id}/replace" -> {
                Role.EDITOR.require(request);
                yield responses.replacement(library.requestReplacement(request.pathParameter("id"), request.jsonBody()));
            }
            case "DELETE /api/media/{id}" -> {
                Role.EDITOR.require(request);
                library.delete(request.pathParameter("id"));
                yield ApiResponse.noContent();
            }
            default -> throw new RequestRejected.NoSuchRoute(request.routeKey());
        };
    }
}
