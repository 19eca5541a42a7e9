package com.newsdesk.core.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The render queue on SQS: tasks as JSON messages, sent ten to a request. */
public final class SqsRenderQueue implements RenderQueue {
    private static final int MAX_BATCH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRenderQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<RenderTask> tasks) {
        for (int from = 0; from < tasks.size(); from += MAX_BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(tasks.size(), from + MAX_BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(write(tasks.get(i))).build());
            }
            List<BatchResultErrorEntry> failed = sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(entries)).failed();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("The render queue refused " + failed.size() + " of " + entries.size()
                        + " messages: " + failed.get(0).code());
            }
        }
    }

    @Override
    public void retryAfter(String receiptHandle, Duration delay) {
        sqs.changeMessageVisibility(change -> change.queueUrl(queueUrl).receiptHandle(receiptHandle)
                .visibilityTimeout((int) delay.toSeconds()));
    }

    /** The task a message carries. */
    public static RenderTask read(String body) {
        try {
            return JSON.readValue(body, RenderTask.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a render task: " + e.getOriginalMessage(), e);
        }
    }

    /** The message body of a task, as the queue and a schedule's timer send it. */
    public static String write(RenderTask task) {
        try {
            return JSON.writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
