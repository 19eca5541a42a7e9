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
    private final Asset shareScript;
    private final Asset commentsScript;

    public record Asset(String path, String contentType, byte[] bytes) {
        public String key() {
            return path.substring(1);
        }
    }

    public SiteAssets() {
        this.stylesheet = load("site.css", "text/css; charset=utf-8");
        this.shareScript = load("share.js", "text/javascript; charset=utf-8");
        this.commentsScript = load("comments.js", "text/javascript; charset=utf-8");
        this.assets = List.of(stylesheet, shareScript, commentsScript);
    }

    public String stylesheetPath() {
        return stylesheet.path();
    }

    /** The share bar's copy-link enhancement: a file of our own, as the pages' CSP allows no inline script. */
    public String shareScriptPath() {
        return shareScript.path();
    }

    /** Fetches the comment form's token and offers replies; the form works without it. */
    public String commentsScriptPath() {
        return commentsScript.path();
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
