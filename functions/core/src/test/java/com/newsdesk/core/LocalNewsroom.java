package com.newsdesk.core;

import com.newsdesk.core.aws.AwsClients;
import com.newsdesk.core.site.Settings;
import com.newsdesk.local.servers.LocalServers;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A newsroom as a function builds it, on a table and bucket of the test's own on the shared local servers. */
public final class LocalNewsroom {
    public static final String BASE_URL = "https://news.example";
    public static final String SITE_NAME = "The Daily Brief";

    private LocalNewsroom() {}

    public static Newsroom create(LocalServers servers, String table, String bucket, Clock clock, Map<String, String> extraSettings) {
        Map<String, String> settings = new HashMap<>(servers.settings());
        settings.put("TABLE_NAME", table);
        settings.put("SITE_BUCKET", bucket);
        settings.put("SITE_BASE_URL", BASE_URL);
        settings.put("SITE_NAME", SITE_NAME);
        settings.putAll(extraSettings);
        Settings config = Settings.of(settings);
        AwsClients clients = new AwsClients(config);
        return new Newsroom(config, clients.dynamoDb(), clients.s3(), clock);
    }
}
