package com.newsdesk.articles;

import com.newsdesk.apigateway.ApiRequest;
import com.newsdesk.apigateway.ApiResponse;
import com.newsdesk.apigateway.Caller;
import com.newsdesk.apigateway.Role;
import com.newsdesk.apigateway.HttpApiFunction;
import com.newsdesk.apigateway.RequestRejected;
import com.newsdesk.core.article.ArticleQuery;
import com.newsdesk.core.article.ArticleService;
import com.newsdesk.core.article.RevisionQuery;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.publish.PublishResult;
import com.newsdesk.core.publish.Publisher;
import com.newsdesk.core.article.IfMatch;
import com.newsdesk.core.schedule.ScheduleRequest;
import com.newsdesk.core.schedule.Scheduling;
import com.newsdesk.core.site.Settings;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newsroom's article routes of the HTTP contract, each for writers or for editors only: parse, call the article
 * service or the publisher, map the result.
 */
public final class ArticlesHandler extends HttpApiFunction {
    private final ArticleService articles;
    /** Within the function's timeout, after the publish's own work. */
    static final Duration DERIVED_PATIENCE = Duration.ofSeconds(5);

    private final Publisher publisher;
    private final ArticleResponses responses;
    private final Newsroom newsroom;
    private final Scheduling scheduling;
    private final ApiDescriptionJson apiDescription = new ApiDescriptionJson();
    private final Map<String, Route> routes;

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
        this.scheduling = newsroom.scheduling();
        this.routes = routes();
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

    /** What a route may be called by, and how it is answered. */
    private record Route(Role role, BiFunction<ApiRequest, Caller, ApiResponse> answer) {}

    /**
     * Every route of the function with the role it needs, in one place: writers save, preview and read drafts and
     * their history, and read the author profiles to find a slug; what readers see (publish, take down, restore,
     * re-render, author profiles) is for editors.
     */
    private Map<String, Route> routes() {
        return Map.ofEntries(
                Map.entry("PUT /api/articles/{slug}", new Route(Role.WRITER, this::save)),
                Map.entry("GET /api/articles/{slug}", new Route(Role.WRITER, (request, caller) -> {
                    Slug slug = slug(request);
                    return responses.article(articles.get(slug), publisher.followUp(slug));
                })),
                Map.entry("GET /api/articles", new Route(Role.WRITER, (request, caller) -> responses.listing(
                        articles.list(ArticleQuery.parse(request.query("status"), request.query("section"),
                                request.query("limit"), request.query("cursor")))))),
                Map.entry("GET /api/articles/{slug}/preview", new Route(Role.WRITER, (request, caller) ->
                        ApiResponse.of(200, ApiResponse.HTML, publisher.preview(slug(request))))),
                Map.entry("GET /api/articles/{slug}/revisions", new Route(Role.WRITER, (request, caller) -> responses.revisions(
                        slug(request), articles.revisions(slug(request), RevisionQuery.parse(request.query("limit"), request.query("cursor")))))),
                Map.entry("GET /api/articles/{slug}/revisions/{version}", new Route(Role.WRITER, (request, caller) ->
                        responses.revision(articles.revision(slug(request), version(request))))),
                Map.entry("GET /api/articles/{slug}/revisions/{version}/diff", new Route(Role.WRITER, (request, caller) ->
                        responses.diff(articles.diff(slug(request),
                                RevisionQuery.version("from", request.query("from").orElse(null)), version(request))))),
                Map.entry("POST /api/articles/{slug}/revisions/{version}/restore", new Route(Role.EDITOR, (request, caller) ->
                        responses.saved(articles.restore(slug(request), version(request),
                                IfMatchHeader.parse(request.header("if-match")), caller.savedBy()), scheduling.find(slug(request))))),
                Map.entry("POST /api/articles/{slug}/publish", new Route(Role.EDITOR, (request, caller) ->
                        responses.published(waited(request, publisher.publish(slug(request)))))),
                Map.entry("POST /api/articles/{slug}/unpublish", new Route(Role.EDITOR, (request, caller) ->
                        responses.unpublished(waited(request, publisher.unpublish(slug(request)))))),
                Map.entry("POST /api/site/rerender", new Route(Role.EDITOR, (request, caller) ->
                        responses.rerender(newsroom.siteRerender().start("requested by an editor")))),
                Map.entry("GET /api/site/rerenders/{id}", new Route(Role.EDITOR, (request, caller) ->
                        responses.rerender(newsroom.siteRerender().job(request.pathParameter("id"))))),
                Map.entry("POST /api/articles/{slug}/schedule", new Route(Role.EDITOR, (request, caller) ->
                        responses.schedule(scheduling.schedule(slug(request), ScheduleRequest.parse(request.jsonBody(),
                                newsroom.json().mapper(), newsroom.clock().instant()))))),
                Map.entry("GET /api/articles/{slug}/schedule", new Route(Role.WRITER, (request, caller) ->
                        responses.schedule(scheduling.get(slug(request))))),
                Map.entry("DELETE /api/articles/{slug}/schedule", new Route(Role.EDITOR, (request, caller) -> {
                    scheduling.cancel(slug(request));
                    return ApiResponse.noContent();
                })),
                Map.entry("GET /api/schedule", new Route(Role.WRITER, (request, caller) -> responses.schedules(scheduling.upcoming()))),
                Map.entry("PUT /api/authors/{slug}", new Route(Role.EDITOR, (request, caller) ->
                        responses.author(newsroom.authors().save(slug(request), request.jsonBody())))),
                Map.entry("GET /api/authors/{slug}", new Route(Role.WRITER, (request, caller) ->
                        responses.author(newsroom.authors().get(slug(request))))),
                Map.entry("GET /api/authors", new Route(Role.WRITER, (request, caller) -> responses.authors(newsroom.authors().list()))));
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        // The one public route here (Authorizer: NONE in template.yaml): the API's description.
        if (request.routeKey().equals("GET /api/openapi.json")) {
            return apiDescription.answer(request.header("if-none-match"));
        }
        Route route = routes.get(request.routeKey());
        if (route == null) {
            // closed to anyone but editors, as a route the table does not know yet would be
            Role.EDITOR.require(request);
            throw new RequestRejected.NoSuchRoute(request.routeKey());
        }
        return route.answer().apply(request, route.role().require(request));
    }

    private ApiResponse save(ApiRequest request, Caller caller) {
        Slug slug = slug(request);
        var saved = articles.save(slug, request.jsonBody(), IfMatchHeader.parse(request.header("if-match")), caller.savedBy());
        return responses.saved(saved, scheduling.find(slug));
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

    private static long version(ApiRequest request) {
        return RevisionQuery.version("version", request.pathParameter("version"));
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
