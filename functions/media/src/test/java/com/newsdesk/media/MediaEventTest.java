package com.newsdesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.newsdesk.local.servers.Repository;
import org.junit.jupiter.api.Test;

/** events/s3/media-upload.json, the event sam local invoke -e sends the media function, through its handler. */
class MediaEventTest {
    private final MediaDesk desk = new MediaDesk();

    @Test
    void uploadEventForAKeyNoItemHas_isLeftUnread_andWritesNothing() {
        S3Event event = EventLoader.loadS3Event(Repository.root().resolve("events/s3/media-upload.json").toString());
        assertThat(event.getRecords().get(0).getS3().getObject().getUrlDecodedKey()).isEqualTo("k3v9q2m7x1c8b4n6z0pa");

        desk.function().handleRequest(event, null);

        assertThat(desk.mediaFiles()).isEmpty();
    }
}
