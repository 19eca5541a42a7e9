package com.newsdesk.articles;

import com.newsdesk.core.Newsroom;
import com.newsdesk.core.site.Settings;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Run in a JVM of its own by {@link PrimingTest}: builds the handler as Lambda does, then runs SnapStart's
 * checkpoint hook between two markers, so the class-loading log shows what priming loaded.
 */
final class PrimingProbe {
    static final String BEFORE = "--- priming starts ---";
    static final String AFTER = "--- priming done ---";

    public static void main(String[] args) {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            settings.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        ArticlesHandler handler = new ArticlesHandler(Newsroom.from(Settings.of(settings), Clock.systemUTC()));
        System.out.println(BEFORE);
        handler.beforeCheckpoint(null);
        System.out.println(AFTER);
    }
}
