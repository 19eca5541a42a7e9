package com.newsdesk.comments;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.newsdesk.core.Newsroom;

/**
 * The comments function on a newsroom of the caller's, through the constructor its own tests use: the page checks
 * fetch the pages it answers readers with as API Gateway would, without a copy of its routing.
 */
public final class CommentsFunction {
    private CommentsFunction() {}

    public static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> on(Newsroom newsroom) {
        return new CommentsHandler(newsroom);
    }
}
