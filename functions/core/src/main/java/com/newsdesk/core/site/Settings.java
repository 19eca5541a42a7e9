package com.newsdesk.core.site;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Configuration by name. In Lambda the names are environment variables set by {@code template.yaml}; the local
 * stack and tests hand each function its settings ({@link #of}).
 */
public final class Settings {
    private final Function<String, String> lookup;

    private Settings(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static Settings fromEnvironment() {
        return new Settings(System::getenv);
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values::get);
    }

    /** These settings with {@code values} in place of (or beside) what they hold. */
    public Settings with(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Settings(name -> copy.containsKey(name) ? copy.get(name) : lookup.apply(name));
    }

    public String get(String name, String fallback) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A duration given in milliseconds, e.g. {@code S3_CALL_TIMEOUT_MS=4000}. */
    public Duration millis(String name, Duration fallback) {
        String value = get(name, null);
        return value == null ? fallback : Duration.ofMillis(Long.parseLong(value.trim()));
    }

    public String required(String name) {
        String value = lookup.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
