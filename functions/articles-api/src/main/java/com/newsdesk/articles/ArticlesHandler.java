package com.newsdesk.articles;

import com.newsdesk.apigateway.ApiRequest;
import com.newsdesk.apigateway.ApiResponse;
import com.newsdesk.apigateway.Editors;
import com.newsdesk.apigateway.HttpApiFunction;
import com.newsdesk.apigateway.RequestRejected;
import com.newsdesk.core.article.ArticleListing;
import com.newsdesk.core.article.ArticleQuery;
import com.newsdesk.core.article.ArticleService;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.publish.PublishResult;
import com.newsdesk.core.publish.Publisher;
import java.util.OptionalLong;

/** The editors' routes of the HTTP contract: parse, call the article service or the publisher, map the result. */
public final class ArticlesHandler extends HttpApiFunction {
    private final ArticleService articles;
    private final Publisher publisher;
    private final ArticleResponses responses;
    private final Newsroom newsroom;

    /** Lambda's entry point: builds clients and compiled templates once per container. */
    public ArticlesHandler() {
        this(Newsroom.fromEnvironment());
    }

    ArticlesHandler(Newsroom newsroom) {
        super(newsroom.settings());
        this.articles = newsroom.articles();
        this.publisher = newsroom.publisher();
        this.responses = new ArticleResponses(newsroom.json(), newsroom.site());
        this.newsroom = newsroom;
    }

    @Override
    protected void prime() {
        newsroom.prime();
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        Editors.require(request);
        return switch (request.routeKey()) {
            case "PUT /api/articles/{slug}" -> {
                Slug slug = slug(request);
                var saved = articles.save(slug, request.jsonBody(), IfMatch.parse(request.header("if-match")));
                yield responses.saved(saved);
            }
            case "GET /api/articles/{slug}" -> responses.article(articles.get(slug(request)));
            case "GET /api/articles" -> {
                ArticleListing listing = articles.list(ArticleQuery.parse(
                        request.query("status"), request.query("section"), request.query("limit"), request.query("cursor")));
                yield responses.listing(listing);
            }
            case "GET /api/articles/{slug}/preview" ->
                    ApiResponse.of(200, ApiResponse.HTML, publisher.preview(slug(request)));
            case "POST /api/articles/{slug}/publish" -> {
                PublishResult result = publisher.publish(slug(request));
                yield responses.published(result);
            }
            case "POST /api/articles/{slug}/unpublish" -> {
                yield responses.unpublished(publisher.unpublish(slug(request)));
            }
            default -> throw new RequestRejected.NoSuchRoute(request.routeKey());
        };
    }

    private static Slug slug(ApiRequest request) {
        return Slug.of(request.pathParameter("slug"));
    }

    /** Parses {@code If-Match: "7"} (or {@code W/"7"}) into the version the editor loaded. */
    static final class IfMatch {
        private IfMatch() {}

        static OptionalLong parse(java.util.Optional<String> header) {
            if (header.isEmpty()) {
                return OptionalLong.empty();
            }
            String value = header.get().trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            try {
                long version = Long.parseLong(value);
                if (version >= 1) {
                    return OptionalLong.of(version);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new RequestRejected.Malformed("If-Match must be the ETag of the version you loaded, e.g. \"3\".");
        }
    }
}
