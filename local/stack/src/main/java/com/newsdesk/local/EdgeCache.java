package com.newsdesk.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CDN's cache, locally: objects by bucket key, kept as long as their {@code Cache-Control} lets a shared cache
 * keep them ({@code s-maxage}, else {@code max-age}; never with {@code no-store} or {@code private}), revalidated
 * with their ETag once stale, and dropped by purge items as CloudFront takes them: {@code #tag} drops every object
 * carrying that cache tag, a path drops its object ({@code /x/} is {@code x/index.html}), and a path ending in
 * {@code *} every object under it.
 */
final class EdgeCache {
    private record Entry(OriginObject object, Instant fresh, long generation) {}

    private final BucketOrigin origin;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /**
     * Bumped by every purge. A response fetched before a purge and stored after it would bring back the copy the
     * purge dropped, so it is stored only if no purge happened while it was being fetched.
     */
    private final AtomicLong generation = new AtomicLong();

    EdgeCache(BucketOrigin origin, Clock clock) {
        this.origin = origin;
        this.clock = clock;
    }

    /** What readers get for the key: a fresh cached copy, else the bucket's (stored for next time if it may be). */
    Lookup get(String key) {
        Entry entry = entries.get(key);
        Instant now = clock.instant();
        if (entry != null && now.isBefore(entry.fresh())) {
            return new Lookup(Optional.of(entry.object()), true);
        }
        long before = generation.get();
        Optional<OriginObject> current;
        if (entry != null && entry.object().eTag() != null) {
            Optional<Optional<OriginObject>> changed = origin.revalidate(key, entry.object().eTag());
            current = changed.isPresent() ? changed.get() : Optional.of(entry.object());
        } else {
            current = origin.fetch(key);
        }
        store(key, current, now, before);
        return new Lookup(current, false);
    }

    /** Drops what the items name; returns how many cached objects went. */
    int purge(Collection<String> items) {
        generation.incrementAndGet();
        int dropped = 0;
        for (String item : items) {
            for (String key : entries.keySet()) {
                Entry entry = entries.get(key);
                if (entry != null && matches(item, key, entry.object()) && entries.remove(key, entry)) {
                    dropped++;
                }
            }
        }
        return dropped;
    }

    private void store(String key, Optional<OriginObject> object, Instant now, long fetchedAt) {
        Optional<Duration> keep = object.flatMap(found -> sharedLifetime(found.cacheControl()));
        if (keep.isEmpty()) {
            entries.remove(key);
            return;
        }
        Entry entry = new Entry(object.get(), now.plus(keep.get()), fetchedAt);
        entries.put(key, entry);
        if (generation.get() != fetchedAt) {
            entries.remove(key, entry);
        }
    }

    private static boolean matches(String item, String key, OriginObject object) {
        if (item.startsWith("#")) {
            return object.cacheTags().contains(item.substring(1));
        }
        String path = item.startsWith("/") ? item.substring(1) : item;
        if (path.endsWith("*")) {
            return key.startsWith(path.substring(0, path.length() - 1));
        }
        return key.equals(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
    }

    /** How long a shared cache may keep a response with this Cache-Control; empty if it must not keep it. */
    static Optional<Duration> sharedLifetime(String cacheControl) {
        if (cacheControl == null) {
            return Optional.empty();
        }
        Long maxAge = null;
        Long sharedMaxAge = null;
        for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
            String[] nameAndValue = directive.trim().split("=", 2);
            String name = nameAndValue[0].trim();
            if (name.equals("no-store") || name.equals("private")) {
                return Optional.empty();
            }
            if (name.equals("no-cache")) {
                // kept, but revalidated before every use
                sharedMaxAge = 0L;
            }
            if (nameAndValue.length == 2 && (name.equals("max-age") || name.equals("s-maxage"))) {
                long seconds;
                try {
                    seconds = Long.parseLong(nameAndValue[1].trim().replace("\"", ""));
                } catch (NumberFormatException unreadable) {
                    return Optional.empty();
                }
                if (name.equals("max-age")) {
                    maxAge = seconds;
                } else if (sharedMaxAge == null) {
                    sharedMaxAge = seconds;
                }
            }
        }
        Long seconds = sharedMaxAge != null ? sharedMaxAge : maxAge;
        return seconds == null || seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    /** @param hit whether the bucket was not asked */
    record Lookup(Optional<OriginObject> object, boolean hit) {}
}
