package com.newsdesk.testing;

import com.newsdesk.local.servers.LocalServers;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings a function reads, pointing at a table, bucket and render queue of the test's own on the shared local
 * servers.
 */
public final class LocalSite {
    public static final String BASE_URL = "https://news.example";
    public static final String SITE_NAME = "The Daily Brief";

    private LocalSite() {}

    public static Map<String, String> settings(LocalServers servers, String table, String bucket, Map<String, String> extraSettings) {
        Map<String, String> settings = new HashMap<>(servers.settings());
        settings.put("TABLE_NAME", table);
        settings.put("SITE_BUCKET", bucket);
        settings.put("RENDER_QUEUE_URL", servers.newQueue());
        settings.put("SITE_BASE_URL", BASE_URL);
        settings.put("SITE_NAME", SITE_NAME);
        settings.putAll(extraSettings);
        return settings;
    }
}
