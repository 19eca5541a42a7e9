package com.newsdesk.testing;

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
 * Runs a queue's messages through a function's handler, batch after batch, until the queue is empty, as Lambda's
 * SQS event source would, but in the test's own thread: a test publishes, drains, and then looks at the bucket.
 * Messages the handler reports failed stay on the queue; they come back when their visibility timeout (the
 * worker's backoff) ends, and the drain waits for them as long as its patience lasts.
 */
public final class QueueDrain {
    private static final int BATCH_SIZE = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;

    public QueueDrain(SqsClient sqs, String queueUrl, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
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
        List<Message> messages = sqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(BATCH_SIZE)
                .waitTimeSeconds(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty()) {
            return false;
        }
        run(messages);
        return true;
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
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
