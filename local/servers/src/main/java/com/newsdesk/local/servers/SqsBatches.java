package com.newsdesk.local.servers;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Runs a queue's messages through a function's handler as Lambda's SQS event source does: a batch of messages as
 * an {@link SQSEvent}, then the messages the handler did not report failed ({@code batchItemFailures}) deleted; the
 * failed ones stay, and come back when their visibility timeout (the worker's backoff) ends, or go to the
 * dead-letter queue after the queue's maxReceiveCount. If the handler throws, the whole batch stays. A test drains
 * the queue in its own thread ({@link #drain}); the local stack polls it ({@code SqsEventSource}).
 */
public final class SqsBatches {
    private static final int BATCH_SIZE = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;

    public SqsBatches(SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handler = handler;
    }

    /**
     * Runs what is on the queue now and what the handler queues meanwhile, until no message is visible: failed
     * ones, waiting for their retry, stay. Returns how many batches ran.
     */
    public int drain() {
        int batches = 0;
        while (runBatch()) {
            batches++;
        }
        return batches;
    }

    /**
     * Drains, and waits up to {@code patience} for failed messages to come back and succeed; returns how many
     * batches ran. Throws if messages are still on the queue after that.
     */
    public int drain(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        int batches = 0;
        while (true) {
            if (runBatch()) {
                batches++;
                continue;
            }
            int left = messagesLeft();
            if (left == 0) {
                return batches;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(left + " messages still on the queue (failed, waiting for their retry)");
            }
            pause();
        }
    }

    /** One batch of up to ten visible messages through the handler; false if none was visible. */
    public boolean runBatch() {
        return runBatch(BATCH_SIZE, Duration.ZERO, Duration.ZERO);
    }

    /**
     * Waits up to {@code wait} for a message (long polling), then up to {@code window} for more, until
     * {@code batchSize}, and runs them through the handler as one batch; false if none came.
     */
    public boolean runBatch(int batchSize, Duration wait, Duration window) {
        List<Message> batch = new ArrayList<>(receive(batchSize, (int) wait.toSeconds()));
        if (batch.isEmpty()) {
            return false;
        }
        long windowEnds = System.nanoTime() + window.toNanos();
        while (batch.size() < batchSize && System.nanoTime() < windowEnds) {
            List<Message> more = receive(Math.min(BATCH_SIZE, batchSize - batch.size()), 0);
            if (more.isEmpty()) {
                pause();
            }
            batch.addAll(more);
        }
        run(batch);
        return true;
    }

    private List<Message> receive(int count, int waitSeconds) {
        return sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(count)
                .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    }

    private void run(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            Map<String, String> attributes = new HashMap<>();
            message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.setAttributes(attributes);
            record.setEventSource("aws:sqs");
            record.setAwsRegion(LocalAws.REGION.id());
            records.add(record);
        }
        event.setRecords(records);
        Set<String> failed = new HashSet<>();
        SQSBatchResponse response = handler.handleRequest(event, null);
        response.getBatchItemFailures().forEach(failure -> failed.add(failure.getItemIdentifier()));
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                sqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    private int messagesLeft() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
