package com.newsdesk.core.pipeline;

import java.time.Duration;
import java.util.List;

/** Where work is left for the render worker: Amazon SQS in AWS, ElasticMQ locally. */
public interface RenderQueue {

    /** Queues every task, or throws: a publish that cannot record what must follow it is not done. */
    void send(List<RenderTask> tasks);

    /** A message that failed comes back after {@code delay} instead of the queue's whole visibility timeout. */
    void retryAfter(String receiptHandle, Duration delay);
}
