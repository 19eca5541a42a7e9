package com.newsdesk.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.local.servers.Repository;
import com.newsdesk.testing.LocalSite;
import com.newsdesk.testing.Samples;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code events/sqs/render-batch.json}, as {@code sam local invoke RenderFunction -e} sends it, through the handler. */
class RenderEventTest {
    private final LocalServers servers = LocalServers.shared();
    private final String bucket = servers.newBucket();
    private final Newsroom newsroom = Newsroom.from(Settings.of(LocalSite.settings(servers, servers.newTable(), bucket, Map.of())),
            Clock.systemUTC());

    @Test
    void aBatchOfAStoryAndItsList_isDone_withNoFailure_andTheStoryIsOnTheHomePage() {
        Slug slug = Slug.of("harbour-bridge-reopens");
        newsroom.articles().save(slug, Samples.article("night-buses-return"), OptionalLong.empty());
        newsroom.publisher().publish(slug);
        SQSEvent event = EventLoader.loadSQSEvent(Repository.root().resolve("events/sqs/render-batch.json").toString());

        SQSBatchResponse response = new RenderHandler(newsroom).handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(servers.s3().getObjectAsBytes(get -> get.bucket(bucket).key("index.html")).asUtf8String())
                .contains("/city/harbour-bridge-reopens/");
        // the story's other lists were queued by the batch, for the batches after it
        assertThat(newsroom.publisher().followUp(slug).done()).containsExactly("/");
        assertThat(newsroom.publisher().followUp(slug).queued()).contains("/city/");
    }

    @Test
    void aMessageThatIsNoRenderTask_isReportedFailed_andTheRestOfTheBatchIsDone() {
        SQSEvent event = EventLoader.loadSQSEvent(Repository.root().resolve("events/sqs/render-batch.json").toString());
        event.getRecords().get(0).setBody("{\"task\":\"unknown\"}");

        SQSBatchResponse response = new RenderHandler(newsroom).handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(0).getMessageId());
    }
}
