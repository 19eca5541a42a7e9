package com.newsdesk.core.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The site's static files, named by a fingerprint of their content so browsers and the CDN may cache them for a
 * year: a changed stylesheet gets a new name, and pages rendered after it point at the new one.
 */
public final class SiteAssets {
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final List<Asset> assets;
    private final Asset stylesheet;

    public record Asset(String path, String contentType, byte[] bytes) {
        public String key() {
            return path.substring(1);
        }
    }

    public SiteAssets() {
        this.stylesheet = load("site.css", "text/css; charset=utf-8");
        this.assets = List.of(stylesheet);
    }

    public String stylesheetPath() {
        return stylesheet.path();
    }

    public List<Asset> all() {
        return assets;
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = SiteAssets.class.getResourceAsStream("/assets/" + name)) {
            byte[] bytes = in.readAllBytes();
            String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
            int dot = name.lastIndexOf('.');
            return new Asset("/assets/" + name.substring(0, dot) + "." + fingerprint + name.substring(dot), contentType, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
