package com.newsdesk.core.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one Pebble engine: autoescaping HTML, strict variables (a typo in a template fails a test instead of
 * printing nothing), templates from the classpath compiled once at construction.
 */
public final class PageRenderer {
    /** Far above any real page; a runaway template must fail rather than fill memory. */
    private static final int MAX_RENDERED_CHARS = 8 * 1024 * 1024;

    private final PebbleTemplate articlePage;

    public PageRenderer() {
        ClasspathLoader loader = new ClasspathLoader(PageRenderer.class.getClassLoader());
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(true)
                .maxRenderedSize(MAX_RENDERED_CHARS)
                .cacheActive(true)
                .build();
        this.articlePage = engine.getTemplate("pages/article");
    }

    public String article(ArticleView view) {
        return render(articlePage, view, 48 * 1024);
    }

    private static String render(PebbleTemplate template, Object page, int expectedChars) {
        StringWriter out = new StringWriter(expectedChars);
        try {
            template.evaluate(out, Map.of("page", page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
