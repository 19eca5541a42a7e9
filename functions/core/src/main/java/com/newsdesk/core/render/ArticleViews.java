package com.newsdesk.core.render;

import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.Block;
import com.newsdesk.core.article.Image;
import com.newsdesk.core.article.Slug;
import com.newsdesk.core.article.TagSlugs;
import com.newsdesk.core.render.ArticleView.*;
import com.newsdesk.core.listing.ListEntry;
import com.newsdesk.core.listing.ListName;
import com.newsdesk.core.media.MediaItem;
import com.newsdesk.core.media.ShownPhotos;
import com.newsdesk.core.media.Variant;
import com.newsdesk.core.site.SiteSettings;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns an article into the view its page template shows. */
public final class ArticleViews {
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb");
    private static final Map<String, String> CALLOUT_TITLES = Map.of(
            "did-you-know", "Did You Know?",
            "pro-tip", "Pro Tip",
            "note", "Note",
            "warning", "Warning",
            "correction", "Correction");

    /** The article column: 44rem less its padding, or the screen less the padding on narrower screens (site.css). */
    static final String COLUMN_SIZES = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

    private final SiteSettings site;
    private final InlineMarkdown markdown;
    private final Dates dates;
    /** Teasers name their story's language; parsing the tag for each one cost more than formatting its date. */
    private final Map<String, Locale> locales = new ConcurrentHashMap<>();
    private final StructuredData structuredData;
    private final String stylesheetUrl;
    /** The same on every page: built once. */
    private final SiteView siteView;
    private final String shareScriptUrl;
    private final String commentsScriptUrl;

    public ArticleViews(SiteSettings site, InlineMarkdown markdown, StructuredData structuredData, SiteAssets assets) {
        this.site = site;
        this.markdown = markdown;
        this.dates = new Dates(site.timeZone());
        this.structuredData = structuredData;
        this.stylesheetUrl = assets.stylesheetPath();
        this.siteView = new SiteView(site.name(), "/", stylesheetUrl, assets.shareScriptPath(), site.logoUrl().isEmpty() ? null : site.logoUrl(),
                site.menu().stream().map(section -> new Crumb(section.name(), section.path())).toList(),
                Stream.concat(Stream.of(ListName.home(site.name())),
                                site.menu().stream().map(section -> ListName.section(section.slug(), section.name())))
                        .map(list -> new Crumb(list.title(), list.feedPath())).toList());
        this.shareScriptUrl = assets.shareScriptPath();
        this.commentsScriptUrl = assets.commentsScriptPath();
    }

    /** What a page needs beyond the article itself. */
    public record Context(Instant publishedAt, Instant modifiedAt, List<TeaserView> related,
                          ShownComments comments, List<ShareLink> shareLinks, boolean preview) {}

    /** The page of an article whose images are all at addresses (an image naming a library photo is left out). */
    public ArticleView build(Slug slug, Article article, Context context) {
        return build(slug, article, context, ShownPhotos.NONE);
    }

    /** The page, showing the library photos the article names as {@code photos} holds them. */
    public ArticleView build(Slug slug, Article article, Context context, ShownPhotos photos) {
        Locale locale = article.locale();
        Map<String, Integer> citationNumbers = new HashMap<>();
        List<ReferenceView> references = new ArrayList<>();
        for (Article.Reference reference : article.references()) {
            int number = references.size() + 1;
            citationNumbers.put(reference.id(), number);
            references.add(new ReferenceView(reference.id(), number, reference.title(), reference.url()));
        }
        String path = ArticlePaths.articlePath(article.section().slug(), slug.value());
        String canonicalUrl = site.absolute(path);
        TimeView published = dates.moment(context.publishedAt(), locale);
        TimeView modified = context.modifiedAt() != null && context.modifiedAt().isAfter(context.publishedAt())
                ? dates.moment(context.modifiedAt(), locale) : null;
        String description = description(article);
        SocialImage socialImage = socialImage(article.image(), photos);
        PageMeta meta = new PageMeta(
                article.languageTag(),
                RIGHT_TO_LEFT.contains(locale.getLanguage()) ? "rtl" : "ltr",
                (article.seo() != null && article.seo().title() != null ? article.seo().title() : article.title()) + " | " + site.name(),
                description,
                canonicalUrl,
                !context.preview(),
                "article",
                socialImage,
                new SafeString(structuredData.article(article, socialImage, canonicalUrl, description, context.publishedAt(),
                        context.modifiedAt() == null ? context.publishedAt() : context.modifiedAt(),
                        site.absolute(ArticlePaths.sectionPath(article.section().slug())))),
                List.of(new Crumb(site.name(), "/feed.xml"),
                        new Crumb(article.section().name(), ArticlePaths.sectionPath(article.section().slug()) + "feed.xml")),
                siteView());
        return new ArticleView(
                meta,
                slug.value(),
                article.title(),
                article.dek(),
                new Crumb(article.section().name(), ArticlePaths.sectionPath(article.section().slug())),
                article.authors().stream().map(a -> new AuthorView(a.name(), a.role(),
                        a.slug() == null ? null : ArticlePaths.authorPath(a.slug()))).toList(),
                article.dateline(),
                published,
                modified,
                figure(article.image(), photos, citationNumbers),
                blocks(article, locale, citationNumbers, references, photos),
                references,
                article.tags().stream().map(t -> new Crumb(t, ArticlePaths.tagPath(TagSlugs.of(t)))).toList(),
                context.related(),
                context.shareLinks(),
                new CommentsView(comments(context.comments().threads(), locale),
                        context.comments().more() ? "/api/articles/" + slug.value() + "/comments" : null,
                        article.acceptsComments() ? commentForm(slug.value()) : null));
    }

    /** The empty comment form of an article's page. */
    public CommentFormView commentForm(String slug) {
        return CommentFormView.blank(slug, commentsScriptUrl);
    }

    /** A link to a story, as lists and "You may also like" show it. */
    public TeaserView teaser(ListEntry story) {
        return new TeaserView(story.headline(), story.path(), story.dek(),
                dates.moment(story.publishedAt(), locales.computeIfAbsent(story.language(), Locale::forLanguageTag)), story.byline(),
                story.sectionName(), story.imageSrc(), story.imageAlt());
    }

    public TimeView moment(Instant instant, Locale locale) {
        return dates.moment(instant, locale);
    }

    public String stylesheetUrl() {
        return stylesheetUrl;
    }

    public SiteView siteView() {
        return siteView;
    }

    private static String description(Article article) {
        if (article.seo() != null && article.seo().description() != null) {
            return article.seo().description();
        }
        return article.dek() != null ? article.dek() : article.title();
    }

    private List<BlockView> blocks(Article article, Locale locale, Map<String, Integer> citations, List<ReferenceView> references,
                                   ShownPhotos photos) {
        List<BlockView> views = new ArrayList<>(article.body().size());
        Set<String> anchors = new HashSet<>();
        for (Block block : article.body()) {
            BlockView view = view(block, article, views.isEmpty(), locale, citations, references, anchors, photos);
            if (view != null) {
                views.add(view);
            }
        }
        return views;
    }

    /** The block's view; {@code null} for an image naming a photo the library does not have ready. */
    private BlockView view(Block block, Article article, boolean first, Locale locale, Map<String, Integer> citations,
                           List<ReferenceView> references, Set<String> anchors, ShownPhotos photos) {
        if (block instanceof Block.Paragraph p) {
            return new ParagraphView(inline(p.text(), citations), first ? article.dateline() : null);
        } else if (block instanceof Block.Heading h) {
            return new HeadingView(h.depth(), h.text(), Anchors.unique(h.text(), anchors));
        } else if (block instanceof Block.Callout c) {
            return new CalloutView(c.variant(), c.title() != null ? c.title() : CALLOUT_TITLES.get(c.variant()),
                    inline(c.text(), citations));
        } else if (block instanceof Block.Timeline t) {
            return new TimelineView(t.title(), t.events().stream()
                    .map(e -> new TimelineEntry(dates.calendarDate(e.date(), locale), inline(e.text(), citations)))
                    .toList());
        } else if (block instanceof Block.Table t) {
            return new TableView(t.caption(), t.columns(), t.rows().stream()
                    .map(row -> paddedRow(row, t.columns().size(), citations)).toList());
        } else if (block instanceof Block.Faq f) {
            return new FaqView(f.title() != null ? f.title() : "Frequently Asked Questions",
                    f.items().stream().map(i -> new FaqEntry(i.question(), inline(i.answer(), citations))).toList());
        } else if (block instanceof Block.Quote q) {
            return new QuoteView(inline(q.text(), citations), q.attribution(),
                    q.reference() == null ? null : references.get(citations.get(q.reference()) - 1));
        } else if (block instanceof Block.ItemList l) {
            return new ListView(l.isOrdered(), l.items().stream().map(i -> inline(i, citations)).toList());
        } else if (block instanceof Block.ImageBlock i) {
            FigureView figure = figure(i.image(), photos, citations);
            return figure == null ? null : new FigureBlockView(figure);
        } else if (block instanceof Block.Aside a) {
            return new AsideView(a.variant() != null ? a.variant() : "context", a.title(),
                    a.paragraphs().stream().map(p -> inline(p, citations)).toList());
        }
        throw new IllegalArgumentException("unknown block " + block.getClass());
    }

    private List<SafeString> paddedRow(List<String> row, int columns, Map<String, Integer> citations) {
        List<SafeString> cells = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            cells.add(c < row.size() ? inline(row.get(c), citations) : new SafeString(""));
        }
        return cells;
    }

    /** A library photo's 1200x630 crop, made for link previews; a picture at an address as it is. */
    private SocialImage socialImage(Image image, ShownPhotos photos) {
        if (image == null) {
            return null;
        }
        if (!image.fromLibrary()) {
            return new SocialImage(image.src(), image.alt(), image.width(), image.height());
        }
        return photos.of(image).flatMap(MediaItem::social)
                .map(card -> new SocialImage(site.absolute(card.path()), image.alt(), card.width(), card.height())).orElse(null);
    }

    /**
     * A library photo as every variant ({@code srcset}), the browser choosing by the column's width ({@code sizes}),
     * and the WebP ones for browsers that take WebP ({@code webpSrcset}, {@code null} for a photo that has none);
     * {@code src}, {@code width} and {@code height} are the widest variant's, which sets the box's aspect ratio before
     * the file arrives.
     */
    private FigureView figure(Image image, ShownPhotos photos, Map<String, Integer> citations) {
        if (image == null) {
            return null;
        }
        SafeString caption = image.caption() == null ? null : inline(image.caption(), citations);
        if (!image.fromLibrary()) {
            return new FigureView(image.src(), image.alt(), caption, image.credit(), image.width(), image.height(), null, null, null);
        }
        Optional<MediaItem> photo = photos.of(image);
        if (photo.isEmpty()) {
            return null;
        }
        List<Variant> widths = photo.get().widths();
        Variant widest = widths.get(widths.size() - 1);
        List<Variant> webp = photo.get().widths(Variant.WEBP);
        return new FigureView(widest.path(), image.alt(), caption, image.credit(), widest.width(), widest.height(), srcset(widths),
                COLUMN_SIZES, webp.isEmpty() ? null : srcset(webp));
    }

    private static String srcset(List<Variant> widths) {
        return widths.stream().map(variant -> variant.path() + " " + variant.width() + "w").collect(Collectors.joining(", "));
    }

    private SafeString inline(String text, Map<String, Integer> citations) {
        return new SafeString(text.isEmpty() ? "" : markdown.toHtml(text, citations));
    }

    private List<CommentView> comments(List<PublishedComment> comments, Locale locale) {
        return comments.stream().map(c -> new CommentView(c.id(), c.name(), dates.moment(c.postedAt(), locale),
                new SafeString(CommentText.toHtml(c.body())), comments(c.replies(), locale))).toList();
    }

    /** Fragment ids for subheadings, so a section of a long article can be linked to. */
    static final class Anchors {
        private Anchors() {}

        static String unique(String text, Set<String> taken) {
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < text.length() && id.length() < 60; ) {
                int cp = text.codePointAt(i);
                if (Character.isLetterOrDigit(cp)) {
                    id.appendCodePoint(Character.toLowerCase(cp));
                } else if (id.length() > 0 && id.charAt(id.length() - 1) != '-') {
                    id.append('-');
                }
                i += Character.charCount(cp);
            }
            String base = id.length() > 0 && id.charAt(id.length() - 1) == '-' ? id.substring(0, id.length() - 1) : id.toString();
            base = base.isEmpty() ? "section" : "h-" + base;
            String candidate = base;
            for (int n = 2; !taken.add(candidate); n++) {
                candidate = base + "-" + n;
            }
            return candidate;
        }
    }
}
