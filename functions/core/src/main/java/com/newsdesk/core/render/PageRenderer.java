package com.newsdesk.core.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one Pebble engine: autoescaping HTML, strict variables (a typo in a template fails a test instead of
 * printing nothing), templates from the classpath compiled once, when first rendered.
 */
public final class PageRenderer {
    /** Far above any real page; a runaway template must fail rather than fill memory. */
    private static final int MAX_RENDERED_CHARS = 8 * 1024 * 1024;

    /** Compiles each template on its first use and keeps it: a function renders only some of them. */
    private final PebbleEngine engine;

    public PageRenderer() {
        ClasspathLoader loader = new ClasspathLoader(PageRenderer.class.getClassLoader()) {
            // Pebble normalises every included name with two regular expressions (a tenth of a page's render);
            // only names starting with a dot are relative, and ours never are
            @Override
            public String resolveRelativePath(String relativePath, String anchorPath) {
                return relativePath.startsWith(".") ? super.resolveRelativePath(relativePath, anchorPath) : null;
            }
        };
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .addEscapingStrategy("html", PageRenderer::escapeHtml)
                .strictVariables(true)
                // Pebble's own limit wraps the writer again at every include, and each layer copies every string
                // into a char array under a lock: half a page's render. The page's writer enforces the limit instead.
                .maxRenderedSize(-1)
                .cacheActive(true)
                .build();
    }

    public String article(ArticleView view) {
        // about the size of a long article page: the buffer is copied once when the first non-Latin-1 character widens it
        return render("pages/article", view, 24 * 1024);
    }

    /** The page a link to a taken-down article shows; it has nothing but its head and a way home. */
    public String unavailableArticle(ArticleView.PageMeta meta) {
        return render("pages/unavailable-article", Map.of("meta", meta), 4 * 1024);
    }

    /** The page a reader's form post lands on: where a comment stands, a form's errors, a newsletter sign-up. */
    public String readerNotice(NoticeView view) {
        return render("pages/reader-notice", view, 8 * 1024);
    }

    public String index(IndexView view) {
        return render("pages/index", view, 32 * 1024);
    }

    public String rss(FeedView view) {
        return render("feeds/rss", view, 16 * 1024);
    }

    public String sitemapIndex(SitemapView.Index view) {
        return render("sitemaps/index", view, 4 * 1024);
    }

    public String sitemap(SitemapView.UrlSet view) {
        return render("sitemaps/urlset", view, 128 * 1024);
    }

    public String newsSitemap(SitemapView.News view) {
        return render("sitemaps/news", view, 16 * 1024);
    }

    private String render(String name, Object page, int expectedChars) {
        PebbleTemplate template = engine.getTemplate(name);
        StringBuilderWriter out = new StringBuilderWriter(expectedChars, MAX_RENDERED_CHARS);
        try {
            template.evaluate(out, Map.of("page", page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PebbleException e) {
            throw e; // names the template and line itself
        } catch (RuntimeException e) {
            // thrown by a view's Java code, where Pebble says nothing of where it was rendering
            throw new IllegalStateException("Rendering the template " + template.getName() + " failed: " + e.getClass().getName(), e);
        }
        return out.toString();
    }

    /**
     * The replacements of Pebble's own {@code html} strategy ({@code & < > " '}), without its allocations for text
     * that needs none, which is most text: escaping was an eighth of a page's render.
     */
    static String escapeHtml(String text) {
        StringBuilder out = null;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, start, i).append(entity);
                start = i + 1;
            }
        }
        return out == null ? text : out.append(text, start, text.length()).toString();
    }

    /**
     * A {@link java.io.StringWriter} without the lock on every write (a page is written by one thread) that refuses
     * to grow past a maximum length.
     */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder chars;
        private final int maxChars;

        StringBuilderWriter(int expectedChars, int maxChars) {
            this.chars = new StringBuilder(expectedChars);
            this.maxChars = maxChars;
        }

        @Override
        public void write(String text) {
            room(text.length());
            chars.append(text);
        }

        @Override
        public void write(String text, int offset, int length) {
            room(length);
            chars.append(text, offset, offset + length);
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            room(length);
            chars.append(buffer, offset, length);
        }

        @Override
        public void write(int c) {
            room(1);
            chars.append((char) c);
        }

        private void room(int length) {
            if (length > maxChars - chars.length()) {
                throw new IllegalStateException("A page would be longer than " + maxChars + " characters");
            }
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        @Override
        public void close() {
            // nothing to release
        }

        @Override
        public String toString() {
            return chars.toString();
        }
    }
}
