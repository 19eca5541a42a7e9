package com.newsdesk.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.newsdesk.local.servers.S3Notifications;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What S3's event notifications do for each {@code Type: S3} event of template.yaml, which S3Proxy cannot: every
 * half second the bucket is listed, and each object not seen before (by key and ETag, so a key written again counts
 * again) is handed to the function as an {@code ObjectCreated} event, one record per event, as S3 sends them.
 * Objects already there at start are seen once too, as S3 would have notified them while the stack was down.
 */
final class S3EventSource implements AutoCloseable {
    static final long POLL_MILLIS = 500;

    /** One S3 event of a function: the bucket (logical id) whose new objects it gets. */
    record Mapping(String function, String bucket) {
        static List<Mapping> of(SamFunction function) {
            List<Mapping> mappings = new java.util.ArrayList<>();
            function.definition().path("Properties").path("Events").fields().forEachRemaining(event -> {
                if (event.getValue().path("Type").asText().equals("S3")) {
                    mappings.add(new Mapping(function.logicalId(), event.getValue().path("Properties").path("Bucket").path("Ref").asText()));
                }
            });
            return mappings;
        }
    }

    private final ScheduledExecutorService poller;

    private S3EventSource(ScheduledExecutorService poller) {
        this.poller = poller;
    }

    /**
     * @param bucketNames the local buckets' names by logical id
     * @param handlers each function's handler, made as Lambda makes it
     */
    static S3EventSource start(S3Client s3, List<Mapping> mappings, Map<String, String> bucketNames,
                               java.util.function.Function<String, RequestHandler<S3Event, ?>> handlers, PrintStream log) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "s3-event-source");
            thread.setDaemon(true);
            return thread;
        });
        for (Mapping mapping : mappings) {
            String bucket = bucketNames.get(mapping.bucket());
            RequestHandler<S3Event, ?> handler = handlers.apply(mapping.function());
            Map<String, String> seen = new HashMap<>();
            poller.scheduleWithFixedDelay(() -> {
                try {
                    notifyNew(s3, bucket, handler, seen);
                } catch (RuntimeException e) {
                    // as S3's asynchronous invocation: logged, and the next poll tries again
                    log.println(mapping.function() + ": an event from " + bucket + " failed: " + e.getClass().getSimpleName());
                }
            }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        return new S3EventSource(poller);
    }

    private static void notifyNew(S3Client s3, String bucket, RequestHandler<S3Event, ?> handler, Map<String, String> seen) {
        Set<String> present = new HashSet<>();
        for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket)).contents()) {
            present.add(object.key());
            if (!object.eTag().equals(seen.get(object.key()))) {
                // marked first: a function that fails on this object is not called again for it, as S3 gives up too
                seen.put(object.key(), object.eTag());
                handler.handleRequest(S3Notifications.objectCreated(bucket, object.key(), object.size(), object.eTag()), null);
            }
        }
        seen.keySet().retainAll(present);
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
