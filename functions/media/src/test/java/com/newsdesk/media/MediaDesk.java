package com.newsdesk.media;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.newsdesk.core.Newsroom;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import com.newsdesk.local.servers.S3Notifications;
import com.newsdesk.testing.HttpApiEvent;
import com.newsdesk.testing.HttpResponse;
import com.newsdesk.testing.LocalSite;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The media routes and the media function against a table, site bucket and uploads bucket of their own on the
 * shared local servers; files are posted to S3Proxy with the form the API signed ({@code BrowserUpload}).
 */
final class MediaDesk {
    final LocalServers servers = LocalServers.shared();
    final String table = servers.newTable();
    final String siteBucket = servers.newBucket();
    final String uploadsBucket = servers.newBucket();

    /** The routes, with the function's clock reading {@code clock}. */
    MediaApiHandler api(Clock clock) {
        return new MediaApiHandler(newsroom(clock));
    }

    MediaFunction function() {
        return new MediaFunction(newsroom(Clock.systemUTC()));
    }

    private Newsroom newsroom(Clock clock) {
        return Newsroom.from(Settings.of(LocalSite.settings(servers, table, siteBucket, Map.of("UPLOADS_BUCKET", uploadsBucket))), clock);
    }

    HttpResponse send(MediaApiHandler api, HttpApiEvent event) {
        return HttpResponse.of(event, api.handleRequest(event.event(), null));
    }

    HttpResponse requestUpload(MediaApiHandler api, String body) {
        return send(api, HttpApiEvent.request("POST", "/api/media").editor().json(body));
    }

    HttpResponse item(MediaApiHandler api, String id) {
        return send(api, HttpApiEvent.request("GET", "/api/media/{id}").editor().path("id", id));
    }

    /** S3's event for what is now at {@code key} of the uploads bucket, handed to the media function. */
    void notifyUpload(MediaFunction function, String key) {
        var head = servers.s3().headObject(object -> object.bucket(uploadsBucket).key(key));
        S3Event event = S3Notifications.objectCreated(uploadsBucket, key, head.contentLength(), head.eTag());
        function.handleRequest(event, null);
    }

    boolean uploaded(String key) {
        return servers.s3().listObjectsV2(list -> list.bucket(uploadsBucket).prefix(key)).keyCount() > 0;
    }

    /** Every key of the site bucket under media/. */
    List<String> mediaFiles() {
        return servers.s3().listObjectsV2(list -> list.bucket(siteBucket).prefix("media/")).contents().stream()
                .map(object -> object.key()).toList();
    }

    byte[] siteFile(String url) {
        String key = URI.create(url).getPath().substring(1);
        return servers.s3().getObjectAsBytes(get -> get.bucket(siteBucket).key(key)).asByteArray();
    }

    String cacheControl(String url) {
        String key = URI.create(url).getPath().substring(1);
        return servers.s3().headObject(head -> head.bucket(siteBucket).key(key)).cacheControl();
    }
}
