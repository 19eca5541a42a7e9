package com.newsdesk.core.render;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.List;

/**
 * Everything the article template shows, decided in Java: inline Markdown is already safe HTML
 * ({@link SafeString}), dates are already formatted for the article's language, links are absolute.
 */
public record ArticleView(
        PageMeta meta,
        String slug,
        String headline,
        String dek,
        Crumb section,
        List<AuthorView> authors,
        String dateline,
        TimeView published,
        TimeView modified,
        FigureView image,
        List<BlockView> blocks,
        List<ReferenceView> references,
        List<Crumb> tags,
        List<TeaserView> related,
        List<ShareLink> shareLinks,
        CommentsView comments) {

    /** What the page head needs, shared by every kind of page. */
    public record PageMeta(String lang, String dir, String documentTitle, String description, String canonicalUrl,
                           boolean indexable, String ogType, SocialImage image, SafeString jsonLd, List<Crumb> feeds,
                           SiteView site) {}

    /** The picture a shared link shows (og:image, twitter:image), with its text alternative and, when known, size. */
    public record SocialImage(String url, String alt, Integer width, Integer height) {}

    /**
     * @param menu the sections menu, in the masthead and the footer of every page
     * @param feeds the site's RSS feeds (the home page's and each menu section's), in the footer
     */
    public record SiteView(String name, String homeUrl, String stylesheetUrl, String shareScriptUrl, String logoUrl,
                           List<Crumb> menu, List<Crumb> feeds) {}

    public record Crumb(String name, String url) {}

    /** @param url the author's page, for an author with a profile; else {@code null} */
    public record AuthorView(String name, String role, String url) {}

    public record TimeView(String iso, String display) {}

    /**
     * @param srcset the variants of a library photo with their widths, {@code null} for a picture at an address
     * @param sizes how wide the picture is shown, for the browser to choose from {@code srcset}
     */
    public record FigureView(String src, String alt, SafeString caption, String credit, Integer width, Integer height,
                             String srcset, String sizes, String webpSrcset) {}

    public record ReferenceView(String id, int number, String title, String url) {}

    public record TeaserView(String headline, String url, String dek, TimeView published, String byline, String section,
                             String imageSrc, String imageAlt) {}

    public record ShareLink(String channel, String label, String url) {}

    /**
     * @param allUrl where all approved comments are listed, when the page shows only the newest; else {@code null}
     * @param form the comment form; {@code null} when comments are closed
     */
    public record CommentsView(List<CommentView> approved, String allUrl, CommentFormView form) {
        /** Every approved comment shown, replies included: the count in the heading. */
        public int count() {
            return approved.stream().mapToInt(comment -> 1 + comment.replies().size()).sum();
        }
    }

    public record CommentView(String id, String name, TimeView posted, SafeString body, List<CommentView> replies) {}

    /** One body block; {@link #kind()} picks its partial in the template. */
    public sealed interface BlockView {
        String kind();
    }

    /** {@code dateline} is set on the first paragraph only, which opens with it as wire copy does. */
    public record ParagraphView(SafeString html, String dateline) implements BlockView {
        public String kind() { return "paragraph"; }
    }

    public record HeadingView(int level, String text, String anchor) implements BlockView {
        public String kind() { return "heading"; }
    }

    public record CalloutView(String variant, String title, SafeString html) implements BlockView {
        public String kind() { return "callout"; }
    }

    public record TimelineView(String title, List<TimelineEntry> events) implements BlockView {
        public String kind() { return "timeline"; }
    }

    public record TimelineEntry(TimeView date, SafeString html) {}

    public record TableView(String caption, List<String> columns, List<List<SafeString>> rows) implements BlockView {
        public String kind() { return "table"; }
    }

    public record FaqView(String title, List<FaqEntry> items) implements BlockView {
        public String kind() { return "faq"; }
    }

    public record FaqEntry(String question, SafeString answer) {}

    public record QuoteView(SafeString html, String attribution, ReferenceView reference) implements BlockView {
        public String kind() { return "quote"; }
    }

    public record ListView(boolean ordered, List<SafeString> items) implements BlockView {
        public String kind() { return "list"; }
    }

    public record FigureBlockView(FigureView image) implements BlockView {
        public String kind() { return "figure"; }
    }

    public record AsideView(String variant, String title, List<SafeString> paragraphs) implements BlockView {
        public String kind() { return "aside"; }
    }
}
