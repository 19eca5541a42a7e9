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
import com.newsdesk.core.article.IfMatch;
import com.newsdesk.core.site.Settings;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The editors' routes of the HTTP contract: parse, call the article service or the publisher, map the result. */
public final class ArticlesHandler extends HttpApiFunction {
    private final ArticleService articles;
    /** Within the function's timeout, after the publish's own work. */
    static final Duration DERIVED_PATIENCE = Duration.ofSeconds(5);

    private final Publisher publisher;
    private final ArticleResponses responses;
    private final Newsroom newsroom;

    /** Lambda's entry point: reads the environment, builds clients and compiled templates once per container. */
    public ArticlesHandler() {
        this(Newsroom.fromEnvironment());
    }

    /** With the function's settings given, as the local stack runs it: nothing reads the environment. */
    public ArticlesHandler(Settings settings) {
        this(Newsroom.from(settings, Clock.systemUTC()));
    }

    ArticlesHandler(Newsroom newsroom) {
        super(newsroom.settings());
        this.articles = newsroom.articles();
        this.publisher = newsroom.publisher();
        this.responses = new ArticleResponses(newsroom.json(), newsroom.site());
        this.newsroom = newsroom;
    }

    /**
     * The newsroom's own priming, then the routes editors open a container with, for an article that is never
     * stored: each reads it, finds nothing and answers 404, so nothing is written.
     */
    @Override
    protected void prime() {
        newsroom.prime();
        for (String route : List.of("GET /api/articles/{slug}/preview", "POST /api/articles/{slug}/publish", "GET /api/articles/{slug}")) {
            primeRoute(route, Map.of("slug", PRIMING));
        }
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        Editors.require(request);
        return switch (request.routeKey()) {
            case "PUT /api/articles/{slug}" -> {
                Slug slug = slug(request);
                var saved = articles.save(slug, request.jsonBody(), IfMatchHeader.parse(request.header("if-match")));
                yield responses.saved(saved);
            }
            case "GET /api/articles/{slug}" -> {
                Slug slug = slug(request);
                yield responses.article(articles.get(slug), publisher.followUp(slug));
            }
            case "GET /api/articles" -> {
                ArticleListing listing = articles.list(ArticleQuery.parse(
                        request.query("status"), request.query("section"), request.query("limit"), request.query("cursor")));
                yield responses.listing(listing);
            }
            case "GET /api/articles/{slug}/preview" ->
                    ApiResponse.of(200, ApiResponse.HTML, publisher.preview(slug(request)));
            case "POST /api/articles/{slug}/publish" -> responses.published(waited(request, publisher.publish(slug(request))));
            case "POST /api/articles/{slug}/unpublish" -> responses.unpublished(waited(request, publisher.unpublish(slug(request))));
            case "POST /api/site/rerender" -> responses.rerender(newsroom.siteRerender().start("requested by an editor"));
            case "GET /api/site/rerenders/{id}" -> responses.rerender(newsroom.siteRerender().job(request.pathParameter("id")));
            default -> throw new RequestRejected.NoSuchRoute(request.routeKey());
        };
    }

    /**
     * With {@code ?wait=true}, the answer waits for the derived pages (lists, feeds, sitemaps) too, up to
     * {@link #DERIVED_PATIENCE}; it says how far they got either way.
     */
    private PublishResult waited(ApiRequest request, PublishResult result) {
        String wait = request.query("wait").orElse("false");
        if (!wait.equals("true") && !wait.equals("false")) {
            throw new RequestRejected.Malformed("wait must be true or false.");
        }
        if (wait.equals("false") || result.derived().complete()) {
            return result;
        }
        return new PublishResult(result.article(), result.url(), result.changedPaths(),
                publisher.awaitFollowUp(result.article().slug(), DERIVED_PATIENCE));
    }

    private static Slug slug(ApiRequest request) {
        return Slug.of(request.pathParameter("slug"));
    }

    /**
     * Parses {@code If-Match}: {@code *}, or a list of entity tags such as {@code "7"} or {@code W/"7"}. A
     * well-formed tag that is no version of ours (e.g. {@code "abc"}) is kept as matching nothing, so the save fails
     * its precondition (412) rather than being malformed (400).
     */
    static final class IfMatchHeader {
        private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"([\\x21\\x23-\\x7E\\x80-\\xFF]*)\"");
        private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

        private IfMatchHeader() {}

        static IfMatch parse(Optional<String> header) {
            if (header.isEmpty()) {
                return IfMatch.ABSENT;
            }
            String value = header.get().trim();
            if (value.equals("*")) {
                return IfMatch.ANY;
            }
            Set<Long> versions = new HashSet<>();
            for (String tag : value.split(",", -1)) {
                Matcher entityTag = ENTITY_TAG.matcher(tag.trim());
                if (!entityTag.matches()) {
                    throw new RequestRejected.Malformed(
                            "If-Match must be * or the ETag of the version you loaded, e.g. \"3\".");
                }
                if (VERSION.matcher(entityTag.group(1)).matches()) {
                    versions.add(Long.parseLong(entityTag.group(1)));
                }
            }
            return new IfMatch.Versions(versions);
        }
    }
}
