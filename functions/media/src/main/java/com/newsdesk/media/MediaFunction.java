package com.newsdesk.media;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.media.MediaProcessing;
import com.newsdesk.core.site.Settings;
import java.time.Clock;

/** S3's "object created" events of the uploads bucket: each upload becomes its variants, or a recorded refusal. */
public final class MediaFunction implements RequestHandler<S3Event, Void> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MediaProcessing processing;

    /** Lambda's entry point: reads the environment and builds the clients once per container. */
    public MediaFunction() {
        this(Newsroom.fromEnvironment());
    }

    /** With the function's settings given, as the local stack runs it. */
    public MediaFunction(Settings settings) {
        this(Newsroom.from(settings, Clock.systemUTC()));
    }

    MediaFunction(Newsroom newsroom) {
        this.processing = newsroom.mediaProcessing(new PhotoRenditions());
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            // S3 sends the key URL-encoded (a space as +)
            String key = record.getS3().getObject().getUrlDecodedKey();
            MediaProcessing.Outcome outcome = processing.process(bucket, key);
            String line = JSON.createObjectNode().put("level", "INFO").put("message", "Upload processed")
                    .put("key", key.length() > 80 ? key.substring(0, 80) : key).put("outcome", outcome.name()).toString();
            if (context != null && context.getLogger() != null) {
                context.getLogger().log(line + "\n");
            } else {
                System.out.println(line);
            }
        }
        return null;
    }
}
