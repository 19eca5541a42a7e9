package com.newsdesk.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsdesk.core.failure.DomainException;
import java.util.Map;

/**
 * The edge every HTTP API function shares: it turns the event into an {@link ApiRequest}, lets the function's
 * router answer, maps domain failures to problem+json, hides every other failure behind a 500, and writes one
 * structured log line per request.
 */
public abstract class HttpApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Answers one request; throws a {@link DomainException} for anything the caller got wrong. */
    protected abstract ApiResponse route(ApiRequest request);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        ApiRequest request = new ApiRequest(event);
        ApiResponse response;
        Throwable failure = null;
        try {
            response = route(request);
        } catch (DomainException e) {
            response = Problems.of(e);
        } catch (RuntimeException e) {
            failure = e;
            response = Problems.internal(request.requestId());
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
