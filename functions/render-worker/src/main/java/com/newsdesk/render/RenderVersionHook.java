package com.newsdesk.render;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.render.RenderVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs at every deploy that changes the render worker's code, as a CloudFormation custom resource: if the
 * templates and assets differ from those the site's pages were written with, it starts a whole-site re-render.
 * It always answers CloudFormation with success: a re-render that could not start must not roll back a deploy;
 * it is logged, and an editor can start one ({@code POST /api/site/rerender}).
 */
public final class RenderVersionHook implements RequestHandler<CloudFormationCustomResourceEvent, Void> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<Newsroom> newsroom;
    private final HttpClient http;
    private final PrintStream log;

    /** Lambda's entry point: the newsroom is built only for a create or update, not for the stack's deletion. */
    public RenderVersionHook() {
        this(Newsroom::fromEnvironment, HttpClient.newHttpClient(), System.out);
    }

    RenderVersionHook(Supplier<Newsroom> newsroom, HttpClient http, PrintStream log) {
        this.newsroom = newsroom;
        this.http = http;
        this.log = log;
    }

    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        String reason = "Nothing to do on " + event.getRequestType();
        if (!"Delete".equals(event.getRequestType())) {
            try {
                Newsroom site = newsroom.get();
                String version = RenderVersion.of(site.site());
                reason = site.siteRerender().startIfRenderVersionChanged(version)
                        .map(job -> "Render version " + version + ": site re-render " + job.id() + " started")
                        .orElse("Render version " + version + " unchanged: nothing to re-render");
            } catch (RuntimeException e) {
                reason = "No site re-render started (" + e.getClass().getSimpleName() + "); an editor can start one";
            }
        }
        log.println(reason);
        answer(event, reason);
        return null;
    }

    /** CloudFormation waits for this answer at the pre-signed URL, for an hour if it never comes. */
    private void answer(CloudFormationCustomResourceEvent event, String reason) {
        ObjectNode body = JSON.createObjectNode()
                .put("Status", "SUCCESS")
                .put("Reason", reason)
                .put("PhysicalResourceId", "site-rerender-on-deploy")
                .put("StackId", event.getStackId())
                .put("RequestId", event.getRequestId())
                .put("LogicalResourceId", event.getLogicalResourceId());
        HttpRequest request = HttpRequest.newBuilder(URI.create(event.getResponseUrl())).timeout(ANSWER_TIMEOUT)
                // no content type: the pre-signed URL was signed without one
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                log.println("CloudFormation's response URL answered " + response.statusCode());
            }
        } catch (IOException e) {
            log.println("CloudFormation's response URL is out of reach: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
