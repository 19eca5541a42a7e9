package com.newsdesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.newsdesk.local.servers.SqsBatches;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What Lambda's SQS event source mapping does, for each {@code Type: SQS} event of template.yaml: pollers long-poll
 * the queue, fill a batch up to {@code BatchSize} within {@code MaximumBatchingWindowInSeconds}, hand it to the
 * function's handler, and delete what it did not report failed ({@link SqsBatches}); as many pollers as the
 * event's {@code ScalingConfig.MaximumConcurrency}, at most {@link #MAX_LOCAL_POLLERS} on a laptop.
 */
final class SqsEventSource implements AutoCloseable {
    /** Beyond this, pollers on a two-core machine only take turns. */
    static final int MAX_LOCAL_POLLERS = 2;
    private static final Duration LONG_POLL = Duration.ofSeconds(1);

    /** One SQS event of a function: its queue (logical id) and how batches are made. */
    record Mapping(String function, String queue, int batchSize, Duration window, int concurrency) {
        static List<Mapping> of(SamFunction function) {
            List<Mapping> mappings = new ArrayList<>();
            function.definition().path("Properties").path("Events").fields().forEachRemaining(event -> {
                JsonNode properties = event.getValue().path("Properties");
                if (event.getValue().path("Type").asText().equals("SQS")) {
                    mappings.add(new Mapping(function.logicalId(), properties.path("Queue").path("Fn::GetAtt").path(0).asText(),
                            properties.path("BatchSize").asInt(10),
                            Duration.ofSeconds(properties.path("MaximumBatchingWindowInSeconds").asInt(0)),
                            properties.path("ScalingConfig").path("MaximumConcurrency").asInt(MAX_LOCAL_POLLERS)));
                }
            });
            return mappings;
        }
    }

    private final ExecutorService pollers;
    private volatile boolean running = true;

    private SqsEventSource(ExecutorService pollers) {
        this.pollers = pollers;
    }

    /**
     * Starts polling for every mapping.
     *
     * @param queueUrls the local queues' URLs by logical id
     * @param handlers each function's handler, made as Lambda makes it
     */
    static SqsEventSource start(SqsClient sqs, List<Mapping> mappings, Map<String, String> queueUrls,
                                java.util.function.Function<String, RequestHandler<SQSEvent, SQSBatchResponse>> handlers,
                                PrintStream log) {
        int threads = mappings.stream().mapToInt(mapping -> Math.min(MAX_LOCAL_POLLERS, mapping.concurrency())).sum();
        SqsEventSource source = new SqsEventSource(Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "sqs-event-source");
            thread.setDaemon(true);
            return thread;
        }));
        for (Mapping mapping : mappings) {
            SqsBatches batches = new SqsBatches(sqs, queueUrls.get(mapping.queue()), handlers.apply(mapping.function()));
            for (int i = 0; i < Math.min(MAX_LOCAL_POLLERS, mapping.concurrency()); i++) {
                source.pollers.submit(() -> source.poll(batches, mapping, log));
            }
        }
        return source;
    }

    private void poll(SqsBatches batches, Mapping mapping, PrintStream log) {
        while (running) {
            try {
                batches.runBatch(mapping.batchSize(), LONG_POLL, mapping.window());
            } catch (RuntimeException e) {
                // as Lambda: the batch stays on the queue and comes back after its visibility timeout
                log.println(mapping.function() + ": a batch from " + mapping.queue() + " failed: " + e.getClass().getSimpleName());
            }
        }
    }

    /** Stops polling and waits for the batches in hand. */
    @Override
    public void close() {
        running = false;
        pollers.shutdown();
        try {
            pollers.awaitTermination(LONG_POLL.plusSeconds(30).toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
