package com.newsdesk.apigateway;

import org.crac.Core;
import org.crac.Resource;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsdesk.core.aws.DependencyUnavailable;
import com.newsdesk.core.aws.RequestBudget;
import com.newsdesk.core.failure.DomainException;
import com.newsdesk.core.site.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * The edge every HTTP API function shares: it turns the event into an {@link ApiRequest}, lets the function's
 * router answer within the request's time budget, maps domain failures to problem+json (a service out of reach to
 * 503 with {@code Retry-After}), hides every other failure behind a 500, and writes one structured log line per
 * request.
 */
public abstract class HttpApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    /** The CDN's proof that a request came through it, so that its viewer address may be trusted. */
    private final String originVerifySecret;
    /** In AWS: refuse what did not come through the CDN, since the API's own endpoint stays reachable. */
    private final boolean originVerifyRequired;

    /** The request id, subject and resource names of priming requests: their log lines say what they were. */
    protected static final String PRIMING = "snapstart-priming";

    /** How long a request may keep starting calls to AWS; see {@link RequestBudget}. */
    private final Duration requestBudget;

    /**
     * Registers for SnapStart's checkpoint. Lambda keeps the handler instance for the container's life, and CRaC
     * holds resources weakly, so registering the handler itself keeps the hook alive as long as it matters.
     *
     * <p>The only constructor: a function reads its environment in its own no-arg constructor, the one Lambda
     * calls, and passes the settings on; built with settings given (tests, the local stack), nothing reads it.
     *
     * @param settings the function's own: the origin secret, whether it is required, and {@code REQUEST_BUDGET_MS}
     */
    protected HttpApiFunction(Settings settings) {
        this.originVerifySecret = settings.get("ORIGIN_VERIFY_SECRET", "");
        this.originVerifyRequired = Boolean.parseBoolean(settings.get("ORIGIN_VERIFY_REQUIRED", "false"));
        if (originVerifyRequired && originVerifySecret.isEmpty()) {
            throw new IllegalStateException("ORIGIN_VERIFY_REQUIRED is true but no ORIGIN_VERIFY_SECRET is set");
        }
        this.requestBudget = RequestBudget.of(settings);
        Core.getGlobalContext().register(this);
    }

    /** Runs what a request runs, without writing anything, so the snapshot holds loaded and initialised classes. */
    protected void prime() {
        // functions override this with their own request path
    }

    /**
     * Answers one made-up request as the first real one would be answered (its route, an editor's claims, the CDN's
     * proof, the reads it makes, the problem it maps to, its log line and response), for a resource that does not
     * exist: what the route would write is never reached. Under SnapStart the calls go to the function's real
     * services before the snapshot, so their clients, marshallers and connections' classes are in it.
     *
     * @param routeKey       e.g. {@code GET /api/articles/{slug}/preview}
     * @param pathParameters the route's parameters, naming nothing stored
     */
    protected final void primeRoute(String routeKey, Map<String, String> pathParameters) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", PRIMING, "cognito:groups", "[" + Role.EDITOR.group() + "]"));
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setJwt(jwt);
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(PRIMING).withRouteKey(routeKey).withAuthorizer(authorizer)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                        .withSourceIp("127.0.0.1").withProtocol("HTTP/1.1").build())
                .build();
        handleRequest(APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withRawQueryString("").withPathParameters(pathParameters).withRequestContext(context)
                .withHeaders(Map.of("x-origin-verify", originVerifySecret, "content-type", "application/json"))
                .withIsBase64Encoded(false).build(), null);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: clients hold no open connections across the snapshot
    }

    /** Answers one request; throws a {@link DomainException} for anything the caller got wrong. */
    protected abstract ApiResponse route(ApiRequest request);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, com.amazonaws.services.lambda.runtime.Context context) {
        long started = System.nanoTime();
        ApiRequest request = new ApiRequest(event, originVerifySecret);
        ApiResponse response;
        Throwable failure = null;
        try (RequestBudget budget = RequestBudget.start(requestBudget)) {
            if (originVerifyRequired && !request.cameThroughCdn()) {
                throw new RequestRejected.NotThroughCdn();
            }
            response = route(request);
        } catch (DependencyUnavailable e) {
            failure = e.reason();
            response = Problems.of(e);
        } catch (DomainException e) {
            response = Problems.of(e);
            // the caller did nothing wrong (pages that kept changing): the log says what happened
            failure = response.status() >= 500 ? e : null;
        } catch (RuntimeException e) {
            failure = e;
            response = Unavailability.of(e).map(Problems::of).orElseGet(() -> Problems.internal(request.requestId()));
        }
        RequestLog.write(context, request, response, (System.nanoTime() - started) / 1_000_000, failure);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(Map.copyOf(response.headers()))
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }
}
