package com.newsdesk.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.publish.RerenderNotFound;
import com.newsdesk.core.publish.SiteRerender;
import com.newsdesk.core.render.RenderVersion;
import com.newsdesk.testing.RecordingCdn;
import com.newsdesk.testing.Samples;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** The whole site rendered again through the render queue: by an editor's request, or after a deploy. */
class SiteRerenderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingCdn cdn = new RecordingCdn();
    private final WorkerSite site = new WorkerSite(cdn.settings());

    @AfterEach
    void stop() {
        cdn.close();
    }

    @Test
    void aRerenderOfAnUnchangedSite_rendersEveryStoryAndList_writesNothing_andPurgesNothing() {
        publishThreeStories();
        cdn.clear();

        SiteRerender.Job started = site.newsroom.siteRerender().start("test");
        site.renders.drain();

        SiteRerender.Job job = site.newsroom.siteRerender().job(started.id());
        // three stories; the lists home, city, news, and the tags transport, night economy, council, Ukraine, NATO,
        // diplomacy and Russia
        assertThat(job.total()).isEqualTo(3 + 10);
        assertThat(job.done()).isEqualTo(job.total());
        assertThat(job.failed()).isZero();
        assertThat(job.changed()).isZero();
        assertThat(job.finished()).isTrue();
        assertThat(cdn.purges()).isEmpty();
    }

    @Test
    void aRerender_rewritesPagesThatDifferFromWhatThisCodeRenders_andPurgesTheCdnOnceAtTheEnd() {
        publishThreeStories();
        String page = object("city/story-0/index.html");
        String home = object("index.html");
        overwrite("city/story-0/index.html", "<p>the old layout</p>");
        overwrite("index.html", "<p>the old layout</p>");
        cdn.clear();

        SiteRerender.Job started = site.newsroom.siteRerender().start("test");
        site.renders.drain();

        assertThat(object("city/story-0/index.html")).isEqualTo(page);
        assertThat(object("index.html")).isEqualTo(home);
        SiteRerender.Job job = site.newsroom.siteRerender().job(started.id());
        assertThat(job.changed()).isEqualTo(2);
        assertThat(cdn.purges()).containsExactly(Map.entry("rerender:" + started.id(), List.of("/*")));
    }

    @Test
    void anUnknownJob_isNotFound() {
        assertThatThrownBy(() -> site.newsroom.siteRerender().job("no-such-job")).isInstanceOf(RerenderNotFound.class);
    }

    @Test
    void aDeploy_startsOneRerenderPerRenderVersion() {
        SiteRerender rerender = site.newsroom.siteRerender();

        assertThat(rerender.startIfRenderVersionChanged("aaaa")).isPresent();
        assertThat(rerender.startIfRenderVersionChanged("aaaa")).isEmpty();
        assertThat(rerender.startIfRenderVersionChanged("bbbb")).isPresent();
    }

    @Test
    void theDeployHook_startsARerender_andAnswersCloudFormationWithSuccess() throws Exception {
        List<JsonNode> answers = new CopyOnWriteArrayList<>();
        HttpServer cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloudFormation.createContext("/answer", exchange -> {
            answers.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            RenderVersionHook hook = new RenderVersionHook(() -> site.newsroom, HttpClient.newHttpClient(),
                    new PrintStream(log, true, StandardCharsets.UTF_8));
            String url = "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/answer";

            hook.handleRequest(event("Create", url), null);
            hook.handleRequest(event("Update", url), null);
            hook.handleRequest(event("Delete", url), null);

            assertThat(answers).hasSize(3).allSatisfy(answer -> {
                assertThat(answer.get("Status").asText()).isEqualTo("SUCCESS");
                assertThat(answer.get("RequestId").asText()).isEqualTo("request-1");
                assertThat(answer.get("LogicalResourceId").asText()).isEqualTo("SiteRerenderOnDeploy");
            });
            assertThat(answers.get(0).get("Reason").asText()).contains("site re-render", "started");
            assertThat(answers.get(1).get("Reason").asText()).contains(RenderVersion.of(site.newsroom.site()), "unchanged");
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("started");
        } finally {
            cloudFormation.stop(0);
        }
    }

    private static CloudFormationCustomResourceEvent event(String type, String responseUrl) {
        CloudFormationCustomResourceEvent event = new CloudFormationCustomResourceEvent();
        event.setRequestType(type);
        event.setResponseUrl(responseUrl);
        event.setStackId("arn:aws:cloudformation:eu-west-1:123456789012:stack/news/1");
        event.setRequestId("request-1");
        event.setLogicalResourceId("SiteRerenderOnDeploy");
        return event;
    }

    private void publishThreeStories() {
        for (int i = 0; i < 3; i++) {
            Slug slug = Slug.of("story-" + i);
            site.newsroom.articles().save(slug, Samples.article(i == 1 ? "ukraine-peace-talks" : "night-buses-return"), OptionalLong.empty());
            site.clock.advance(Duration.ofMinutes(1));
            site.newsroom.publisher().publish(slug);
            site.renders.drain();
        }
        // the pages recommend one another: each re-rendered once more so none changes in the re-render
        for (int i = 0; i < 3; i++) {
            site.newsroom.publisher().rerender(Slug.of("story-" + i));
        }
    }

    private String object(String key) {
        return site.object(key);
    }

    private void overwrite(String key, String body) {
        site.servers.s3().putObject(put -> put.bucket(site.bucket).key(key).contentType("text/html; charset=utf-8"), RequestBody.fromString(body));
    }
}
