package com.newsdesk.core.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySiteBucketTest {
    @TempDir
    Path site;

    private DirectorySiteBucket bucket() {
        return new DirectorySiteBucket(site);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void put_writesThePageWhereTheBucketKeyPoints() throws Exception {
        assertThat(bucket().put("city/night-buses/index.html", bytes("<p>page</p>"), "text/html", "public")).isTrue();

        assertThat(Files.readString(site.resolve("city/night-buses/index.html"))).isEqualTo("<p>page</p>");
    }

    @Test
    void samePageAgain_writesNothing_andAChangedPageReplacesTheOldOne() throws Exception {
        DirectorySiteBucket bucket = bucket();
        bucket.put("index.html", bytes("first"), "text/html", "public");

        assertThat(bucket.put("index.html", bytes("first"), "text/html", "public")).isFalse();
        assertThat(bucket.put("index.html", bytes("second, longer"), "text/html", "public")).isTrue();
        assertThat(bucket.put("index.html", bytes("third"), "text/html", "public")).isTrue();
        assertThat(Files.readString(site.resolve("index.html"))).isEqualTo("third");
    }


    @Test
    void keysThatClimbOutOfTheSiteOrAreNotPlainPaths_areRefused_andNothingIsWritten() throws Exception {
        Path outside = site.resolve("site");
        DirectorySiteBucket bucket = new DirectorySiteBucket(outside);
        for (String key : new String[] {"tags/../../escaped.html", "../escaped.html", "/etc/escaped.html", "tags//index.html",
                "tags/./index.html", "tags\\..\\escaped.html", "tags/a\0b/index.html", ""}) {
            assertThatThrownBy(() -> bucket.put(key, bytes("x"), "text/html", "public")).as(key)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a plain path");
        }
        assertThat(Files.exists(site.resolve("escaped.html"))).isFalse();
        assertThat(Files.exists(outside)).isFalse();
    }
}
