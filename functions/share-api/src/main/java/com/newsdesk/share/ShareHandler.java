package com.newsdesk.share;

import com.newsdesk.apigateway.ApiRequest;
import com.newsdesk.apigateway.ApiResponse;
import com.newsdesk.apigateway.Editors;
import com.newsdesk.apigateway.HttpApiFunction;
import com.newsdesk.apigateway.RequestRejected;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.publish.NotFoundPage;
import com.newsdesk.core.share.ShareLinkRequest;
import com.newsdesk.core.share.ShareLinks;
import com.newsdesk.core.share.UnavailableArticlePage;
import com.newsdesk.core.share.Visit;
import com.newsdesk.core.site.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The share routes of the HTTP contract: parse, call the short-link service, map the result. */
public final class ShareHandler extends HttpApiFunction {
    /**
     * A 301 is cached by browsers for good unless told otherwise, and by the CDN for as long as its policy allows:
     * either would send the next click straight to the article and the count would never see it. Every click must
     * reach us, which costs one function call per click; that is the price of honest numbers.
     */
    static final String REDIRECT_CACHE_CONTROL = "no-store";

    /** A missing page may be published any minute: the CDN keeps its 404 briefly, a purge or not. */
    static final String NOT_FOUND_CACHE_CONTROL = "public, max-age=60, s-maxage=300";

    private static final byte[] PRIMING_BODY = "{\"channel\": \"x\"}".getBytes(StandardCharsets.UTF_8);

    private final Newsroom newsroom;
    private final ShareLinks shareLinks;
    private final ShareResponses responses;
    private final String unavailablePage;
    private final String notFoundPage;

    /** Lambda's entry point: reads the environment, builds clients and compiled templates once per container. */
    public ShareHandler() {
        this(Newsroom.fromEnvironment());
    }

    /** With the function's settings given, as the local stack runs it: nothing reads the environment. */
    public ShareHandler(Settings settings) {
        this(Newsroom.from(settings, Clock.systemUTC()));
    }

    ShareHandler(Newsroom newsroom) {
        super(newsroom.settings());
        this.newsroom = newsroom;
        this.shareLinks = newsroom.shareLinks();
        this.responses = new ShareResponses(newsroom.json().mapper(), newsroom.site());
        this.unavailablePage = new UnavailableArticlePage(newsroom.site(), newsroom.views(), newsroom.renderer()).html();
        this.notFoundPage = new NotFoundPage(newsroom.site(), newsroom.views(), newsroom.renderer()).html();
    }

    /** The newsroom's own priming, then what only the share routes run: the body parser, the crawler pattern. */
    @Override
    protected void prime() {
        newsroom.prime();
        ShareLinkRequest.parse(PRIMING_BODY, newsroom.json().mapper());
        new Visit("GET", "Mozilla/5.0").counts();
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "POST /api/articles/{slug}/share-links" ->
                    responses.shortLink(shareLinks.create(slug(request), request.jsonBody(), request.sourceIp()));
            case "GET /s/{code}", "HEAD /s/{code}" -> follow(request);
            case "GET /api/articles/{slug}/share-stats" -> {
                Editors.require(request);
                Slug slug = slug(request);
                yield responses.report(slug, shareLinks.stats(slug));
            }
            case "GET /{proxy+}", "HEAD /{proxy+}" -> notFound(request);
            default -> throw new RequestRejected.NoSuchRoute(request.routeKey());
        };
    }

    private ApiResponse follow(ApiRequest request) {
        String method = request.routeKey().substring(0, request.routeKey().indexOf(' '));
        ShareLinks.Followed followed = shareLinks.follow(request.pathParameter("code"),
                new Visit(method, request.header("user-agent").orElse(null)));
        if (followed instanceof ShareLinks.Redirect redirect) {
            return ApiResponse.redirect(301, redirect.location(), REDIRECT_CACHE_CONTROL);
        }
        return ApiResponse.of(410, ApiResponse.HTML, unavailablePage);
    }

    /**
     * What no other route takes: a page the bucket lacks, as the CDN's origin group fails over to us, gets the
     * site's 404 page; an address under the API's own prefixes stays a problem+json 404, as the API's clients expect.
     */
    private ApiResponse notFound(ApiRequest request) {
        String path = "/" + request.pathParameter("proxy");
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/s/")) {
            throw new RequestRejected.NoSuchRoute(request.routeKey().replace("/{proxy+}", path));
        }
        return ApiResponse.of(404, ApiResponse.HTML, notFoundPage).withHeader("cache-control", NOT_FOUND_CACHE_CONTROL);
    }

    private static Slug slug(ApiRequest request) {
        return Slug.of(request.pathParameter("slug"));
    }
}
