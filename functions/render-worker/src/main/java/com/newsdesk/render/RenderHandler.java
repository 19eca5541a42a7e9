package com.newsdesk.render;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.publish.RenderWorker;
import com.newsdesk.core.site.Settings;
import java.time.Clock;
import java.util.List;

/**
 * The render queue's consumer: a batch of SQS messages in, the ones that failed out, so that Lambda deletes the
 * rest and only those come back (the event source's {@code ReportBatchItemFailures}).
 */
public final class RenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final RenderWorker worker;

    /** Lambda's entry point: builds clients and compiled templates once per container. */
    public RenderHandler() {
        this(Newsroom.fromEnvironment());
    }

    /** The local stack's entry point: the settings of {@code make run}. */
    public RenderHandler(Settings settings) {
        this(Newsroom.from(settings, Clock.systemUTC()));
    }

    public RenderHandler(Newsroom newsroom) {
        this(newsroom.renderWorker());
    }

    public RenderHandler(RenderWorker worker) {
        this.worker = worker;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<RenderWorker.Delivery> batch = event.getRecords().stream()
                .map(message -> new RenderWorker.Delivery(message.getMessageId(), message.getReceiptHandle(), message.getBody(),
                        receiveCount(message)))
                .toList();
        return new SQSBatchResponse(worker.handle(batch).stream().map(SQSBatchResponse.BatchItemFailure::new).toList());
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        return count == null ? 1 : Integer.parseInt(count);
    }
}
