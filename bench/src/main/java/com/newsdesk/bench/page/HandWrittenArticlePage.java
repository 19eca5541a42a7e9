package com.newsdesk.bench.page;

import com.newsdesk.core.render.CommentFormView;
import com.newsdesk.core.render.ArticleView;
import com.newsdesk.core.render.ArticleView.AsideView;
import com.newsdesk.core.render.ArticleView.AuthorView;
import com.newsdesk.core.render.ArticleView.BlockView;
import com.newsdesk.core.render.ArticleView.CalloutView;
import com.newsdesk.core.render.ArticleView.CommentView;
import com.newsdesk.core.render.ArticleView.Crumb;
import com.newsdesk.core.render.ArticleView.FaqEntry;
import com.newsdesk.core.render.ArticleView.FaqView;
import com.newsdesk.core.render.ArticleView.FigureBlockView;
import com.newsdesk.core.render.ArticleView.FigureView;
import com.newsdesk.core.render.ArticleView.HeadingView;
import com.newsdesk.core.render.ArticleView.ListView;
import com.newsdesk.core.render.ArticleView.PageMeta;
import com.newsdesk.core.render.ArticleView.ParagraphView;
import com.newsdesk.core.render.ArticleView.QuoteView;
import com.newsdesk.core.render.ArticleView.ReferenceView;
import com.newsdesk.core.render.ArticleView.ShareLink;
import com.newsdesk.core.render.ArticleView.TableView;
import com.newsdesk.core.render.ArticleView.TeaserView;
import com.newsdesk.core.render.ArticleView.TimeView;
import com.newsdesk.core.render.ArticleView.TimelineEntry;
import com.newsdesk.core.render.ArticleView.TimelineView;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import java.util.List;

/**
 * P1's yardstick: the article page written by hand into one {@link StringBuilder}, escaping as Pebble's HTML
 * strategy does ({@code & < > " '}). It must produce the Pebble page byte for byte (HandWrittenArticlePageTest),
 * so every template change shows up here as a failing test rather than as a flattering benchmark.
 */
final class HandWrittenArticlePage {
    private final StringBuilder out = new StringBuilder(24 * 1024);

    private HandWrittenArticlePage() {}

    static String render(ArticleView page) {
        HandWrittenArticlePage html = new HandWrittenArticlePage();
        html.page(page);
        return html.out.toString();
    }

    private void page(ArticleView page) {
        PageMeta meta = page.meta();
        raw("<!DOCTYPE html>\n<html lang=\"").text(meta.lang()).raw("\" dir=\"").text(meta.dir()).raw("\">\n<head>\n")
                .raw("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text(meta.documentTitle()).raw("</title>\n")
                .raw("<meta name=\"description\" content=\"").text(meta.description()).raw("\">\n")
                .raw("<link rel=\"canonical\" href=\"").text(meta.canonicalUrl()).raw("\">\n");
        if (!meta.indexable()) {
            raw("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
        }
        raw("<meta property=\"og:site_name\" content=\"").text(meta.site().name()).raw("\">\n")
                .raw("<meta property=\"og:type\" content=\"").text(meta.ogType()).raw("\">\n")
                .raw("<meta property=\"og:title\" content=\"").text(meta.documentTitle()).raw("\">\n")
                .raw("<meta property=\"og:description\" content=\"").text(meta.description()).raw("\">\n")
                .raw("<meta property=\"og:url\" content=\"").text(meta.canonicalUrl()).raw("\">\n")
                .raw("<meta property=\"og:locale\" content=\"").text(meta.lang()).raw("\">\n");
        if (meta.image() != null) {
            raw("<meta property=\"og:image\" content=\"").text(meta.image().url()).raw("\">\n")
                    .raw("<meta property=\"og:image:alt\" content=\"").text(meta.image().alt()).raw("\">\n");
            if (meta.image().width() != null && meta.image().height() != null) {
                raw("<meta property=\"og:image:width\" content=\"").text(meta.image().width().toString()).raw("\">\n")
                        .raw("<meta property=\"og:image:height\" content=\"").text(meta.image().height().toString()).raw("\">\n");
            }
            raw("<meta name=\"twitter:card\" content=\"summary_large_image\">\n")
                    .raw("<meta name=\"twitter:image\" content=\"").text(meta.image().url()).raw("\">\n")
                    .raw("<meta name=\"twitter:image:alt\" content=\"").text(meta.image().alt()).raw("\">\n");
        } else {
            raw("<meta name=\"twitter:card\" content=\"summary\">\n");
        }
        raw("<meta name=\"twitter:title\" content=\"").text(meta.documentTitle()).raw("\">\n")
                .raw("<meta name=\"twitter:description\" content=\"").text(meta.description()).raw("\">\n")
                .raw("<link rel=\"stylesheet\" href=\"").text(meta.site().stylesheetUrl()).raw("\">\n")
                .raw("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">\n")
                .raw("<link rel=\"icon\" href=\"/icon.svg\" type=\"image/svg+xml\">\n")
                .raw("<link rel=\"apple-touch-icon\" href=\"/apple-touch-icon.png\">\n");
        for (Crumb feed : meta.feeds()) {
            raw("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"").text(feed.name()).raw("\" href=\"")
                    .text(feed.url()).raw("\">\n");
        }
        if (meta.jsonLd() != null) {
            raw("<script type=\"application/ld+json\">").safe(meta.jsonLd()).raw("</script>\n");
        }
        raw("</head>\n<body>\n<a class=\"skip-link\" href=\"#content\">Skip to content</a>\n<header class=\"masthead\">\n")
                .raw("<div class=\"masthead__inner\">\n<a class=\"masthead__name\" href=\"").text(meta.site().homeUrl()).raw("\">");
        if (meta.site().logoUrl() != null) {
            raw("<img src=\"").text(meta.site().logoUrl()).raw("\" alt=\"").text(meta.site().name()).raw("\" height=\"32\">");
        } else {
            text(meta.site().name());
        }
        raw("</a>\n");
        if (!meta.site().menu().isEmpty()) {
            raw("<nav class=\"masthead__sections\" aria-label=\"Sections\">\n<ul>");
            links(meta.site().menu(), "");
            raw("</ul>\n</nav>\n");
        }
        raw("</div>\n</header>\n<main id=\"content\" class=\"page\">\n");
        article(page);
        raw("</main>\n<footer class=\"site-footer\">\n");
        if (!meta.site().menu().isEmpty()) {
            raw("<nav aria-label=\"Sections (footer)\">\n<h2 class=\"site-footer__heading\">Sections</h2>\n<ul>");
            links(meta.site().menu(), "");
            raw("</ul>\n</nav>\n");
        }
        raw("<nav aria-label=\"Feeds\">\n<h2 class=\"site-footer__heading\">RSS feeds</h2>\n<ul>");
        links(meta.site().feeds(), " type=\"application/rss+xml\"");
        raw("</ul>\n</nav>\n<p>&copy; ").text(meta.site().name()).raw("</p>\n</footer>\n</body>\n</html>\n");
    }

    private void links(List<ArticleView.Crumb> links, String attributes) {
        for (ArticleView.Crumb link : links) {
            raw("<li><a href=\"").text(link.url()).raw("\"" + attributes + ">").text(link.name()).raw("</a></li>");
        }
    }

    private void article(ArticleView page) {
        raw("<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\">\n<ol>\n<li><a href=\"/\">Home</a></li>\n<li><a href=\"")
                .text(page.section().url()).raw("\">").text(page.section().name()).raw("</a></li>\n")
                .raw("<li><span aria-current=\"page\">").text(page.headline()).raw("</span></li>\n</ol>\n</nav>\n")
                .raw("<article class=\"article\">\n<header class=\"article__header\">\n<h1 class=\"article__headline\">")
                .text(page.headline()).raw("</h1>\n");
        if (page.dek() != null) {
            raw("<p class=\"article__dek\">").text(page.dek()).raw("</p>\n");
        }
        byline(page);
        raw("</header>\n");
        if (page.image() != null) {
            figure(page.image(), true);
        }
        raw("<div class=\"article__body\">\n");
        for (BlockView block : page.blocks()) {
            block(block);
        }
        raw("</div>\n");
        if (!page.references().isEmpty()) {
            raw("<section class=\"references\" aria-labelledby=\"references-title\">\n<h2 id=\"references-title\">References</h2>\n<ol>\n");
            for (ReferenceView reference : page.references()) {
                raw("<li id=\"ref-").text(reference.id()).raw("\">");
                if (reference.url() != null) {
                    raw("<a href=\"").text(reference.url()).raw("\" rel=\"noopener\">").text(reference.title()).raw("</a>");
                } else {
                    text(reference.title());
                }
                raw("</li>\n");
            }
            raw("</ol>\n</section>\n");
        }
        if (!page.tags().isEmpty()) {
            raw("<ul class=\"tags\" aria-label=\"Tags\">\n");
            for (Crumb tag : page.tags()) {
                raw("<li><a href=\"").text(tag.url()).raw("\">").text(tag.name()).raw("</a></li>\n");
            }
            raw("</ul>\n");
        }
        raw("</article>\n");
        share(page);
        raw("<aside class=\"newsletter\" aria-labelledby=\"newsletter-title\">\n<h2 id=\"newsletter-title\">Get the latest updates</h2>\n")
                .raw("<p>Subscribe to our newsletter for the latest on this developing story.</p>\n")
                .raw("<form class=\"newsletter__form\" method=\"post\" action=\"/api/newsletter\">\n")
                .raw("<label for=\"newsletter-email\">Email address</label>\n")
                .raw("<input id=\"newsletter-email\" name=\"email\" type=\"email\" autocomplete=\"email\" required maxlength=\"254\">\n")
                .raw("<button type=\"submit\">Subscribe</button>\n</form>\n</aside>\n");
        related(page.related());
        comments(page);
    }

    private void byline(ArticleView page) {
        raw("<div class=\"byline\">\n<p class=\"byline__authors\">By ");
        List<AuthorView> authors = page.authors();
        for (int i = 0; i < authors.size(); i++) {
            AuthorView author = authors.get(i);
            raw("<span class=\"byline__author\">").text(author.name()).raw("</span>");
            if (author.role() != null) {
                raw("<span class=\"byline__role\">, ").text(author.role()).raw("</span>");
            }
            if (i < authors.size() - 1) {
                raw(i == authors.size() - 2 ? " and " : "; ");
            }
        }
        raw("</p>\n<p class=\"byline__time\">");
        if (page.published() != null) {
            time(page.published());
        }
        if (page.modified() != null) {
            raw(" <span class=\"byline__updated\">Updated ");
            time(page.modified());
            raw("</span>");
        }
        raw("</p>\n</div>\n");
    }

    private void figure(FigureView figure, boolean lead) {
        raw(lead ? "<figure class=\"figure figure--lead\">\n" : "<figure class=\"figure\">\n");
        if (figure.webpSrcset() != null) {
            raw("<picture><source type=\"image/webp\" srcset=\"").text(figure.webpSrcset()).raw("\" sizes=\"").text(figure.sizes()).raw("\">");
        }
        raw("<img src=\"").text(figure.src()).raw("\"");
        if (figure.srcset() != null) {
            raw(" srcset=\"").text(figure.srcset()).raw("\" sizes=\"").text(figure.sizes()).raw("\"");
        }
        raw(" alt=\"").text(figure.alt()).raw("\"");
        if (figure.width() != null) {
            raw(" width=\"").raw(figure.width().toString()).raw("\"");
        }
        if (figure.height() != null) {
            raw(" height=\"").raw(figure.height().toString()).raw("\"");
        }
        raw(lead ? " loading=\"eager\" fetchpriority=\"high\">\n" : " loading=\"lazy\" decoding=\"async\">\n");
        if (figure.webpSrcset() != null) {
            raw("</picture>\n");
        }
        if (figure.caption() != null || figure.credit() != null) {
            raw("<figcaption>");
            if (figure.caption() != null) {
                safe(figure.caption());
            }
            if (figure.credit() != null) {
                raw(" <span class=\"figure__credit\">").text(figure.credit()).raw("</span>");
            }
            raw("</figcaption>\n");
        }
        raw("</figure>\n");
    }

    private void block(BlockView block) {
        if (block instanceof ParagraphView p) {
            raw("<p>");
            if (p.dateline() != null) {
                raw("<span class=\"dateline\">").text(p.dateline()).raw("</span> – ");
            }
            safe(p.html()).raw("</p>\n");
        } else if (block instanceof HeadingView h) {
            String level = Integer.toString(h.level());
            raw("<h").raw(level).raw(" id=\"").text(h.anchor()).raw("\">").text(h.text()).raw("</h").raw(level).raw(">\n");
        } else if (block instanceof CalloutView c) {
            raw("<div class=\"callout callout--").text(c.variant()).raw("\" role=\"note\">\n<p class=\"callout__title\">")
                    .text(c.title()).raw("</p>\n<p>").safe(c.html()).raw("</p>\n</div>\n");
        } else if (block instanceof TimelineView t) {
            raw("<div class=\"table-scroll timeline\">\n<table>\n");
            if (t.title() != null) {
                raw("<caption>").text(t.title()).raw("</caption>\n");
            }
            raw("<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Event</th></tr></thead>\n<tbody>\n");
            for (TimelineEntry event : t.events()) {
                raw("<tr><td>");
                time(event.date());
                raw("</td><td>").safe(event.html()).raw("</td></tr>\n");
            }
            raw("</tbody>\n</table>\n</div>\n");
        } else if (block instanceof TableView t) {
            raw("<div class=\"table-scroll\">\n<table>\n");
            if (t.caption() != null) {
                raw("<caption>").text(t.caption()).raw("</caption>\n");
            }
            raw("<thead><tr>");
            for (String column : t.columns()) {
                raw("<th scope=\"col\">").text(column).raw("</th>");
            }
            raw("</tr></thead>\n<tbody>\n");
            for (List<SafeString> row : t.rows()) {
                raw("<tr>");
                for (SafeString cell : row) {
                    raw("<td>").safe(cell).raw("</td>");
                }
                raw("</tr>\n");
            }
            raw("</tbody>\n</table>\n</div>\n");
        } else if (block instanceof FaqView f) {
            raw("<section class=\"faq\">\n<h2>").text(f.title()).raw("</h2>\n");
            for (FaqEntry item : f.items()) {
                raw("<details class=\"faq__item\">\n<summary>").text(item.question()).raw("</summary>\n<p>")
                        .safe(item.answer()).raw("</p>\n</details>\n");
            }
            raw("</section>\n");
        } else if (block instanceof QuoteView q) {
            raw("<figure class=\"quote\">\n<blockquote><p>").safe(q.html()).raw("</p></blockquote>\n");
            if (q.attribution() != null || q.reference() != null) {
                raw("<figcaption>");
                if (q.attribution() != null) {
                    raw("— ").text(q.attribution());
                }
                if (q.reference() != null) {
                    raw(" <sup class=\"citation\"><a href=\"#ref-").text(q.reference().id()).raw("\">[")
                            .raw(Integer.toString(q.reference().number())).raw("]</a></sup>");
                }
                raw("</figcaption>\n");
            }
            raw("</figure>\n");
        } else if (block instanceof ListView l) {
            raw(l.ordered() ? "<ol>" : "<ul>");
            for (SafeString item : l.items()) {
                raw("<li>").safe(item).raw("</li>\n");
            }
            raw(l.ordered() ? "</ol>" : "</ul>");
        } else if (block instanceof FigureBlockView f) {
            figure(f.image(), false);
        } else if (block instanceof AsideView a) {
            raw("<section class=\"context-box context-box--").text(a.variant()).raw("\">\n<h2>").text(a.title()).raw("</h2>\n");
            for (SafeString paragraph : a.paragraphs()) {
                raw("<p>").safe(paragraph).raw("</p>\n");
            }
            raw("</section>\n");
        } else {
            throw new IllegalArgumentException("no hand-written markup for " + block.kind());
        }
    }

    private void share(ArticleView page) {
        raw("<aside class=\"share\" aria-labelledby=\"share-title\">\n<h2 id=\"share-title\">Share this article</h2>\n")
                .raw("<p>Share it with your network and join the conversation in the comments below.</p>\n<ul class=\"share__links\">\n");
        for (ShareLink link : page.shareLinks()) {
            raw("<li><a class=\"share__link share__link--").text(link.channel()).raw("\" href=\"").text(link.url()).raw("\"")
                    .raw(link.channel().equals("copy") ? " data-share-copy rel=\"nofollow\">" : " rel=\"noopener nofollow\">")
                    .text(link.label()).raw("</a></li>\n");
        }
        raw("</ul>\n<p class=\"share__status\" role=\"status\"></p>\n<script src=\"").text(page.meta().site().shareScriptUrl())
                .raw("\" defer></script>\n</aside>\n");
    }

    private void related(List<TeaserView> related) {
        if (related.isEmpty()) {
            return;
        }
        raw("<section class=\"related\" aria-labelledby=\"related-title\">\n<h2 id=\"related-title\">You may also like</h2>\n")
                .raw("<ul class=\"related__list\">\n");
        for (TeaserView teaser : related) {
            raw("<li class=\"teaser\"><a class=\"teaser__link\" href=\"").text(teaser.url()).raw("\">").text(teaser.headline()).raw("</a>");
            if (teaser.dek() != null) {
                raw("<p class=\"teaser__dek\">").text(teaser.dek()).raw("</p>");
            }
            time(teaser.published());
            raw("</li>\n");
        }
        raw("</ul>\n</section>\n");
    }

    private void comments(ArticleView page) {
        int count = page.comments().count();
        raw("<section id=\"comments\" class=\"comments\" aria-labelledby=\"comments-title\">\n<h2 id=\"comments-title\">Comments");
        if (count > 0) {
            raw(" (").raw(Integer.toString(count)).raw(")");
        }
        raw("</h2>\n");
        if (!page.comments().approved().isEmpty()) {
            raw("<ol class=\"comments__list\">\n");
            for (CommentView comment : page.comments().approved()) {
                comment(comment);
            }
            raw("</ol>\n");
        }
        CommentFormView form = page.comments().form();
        if (form != null) {
            raw("<h3 id=\"comment-form-title\">Leave a Comment</h3>\n");
            commentForm(form);
            raw("<p class=\"comments__privacy\">Comments are moderated to reduce spam. Your email address is never shown or shared; ")
                    .raw("we keep it only to moderate your comment.</p>\n<script src=\"").text(form.scriptUrl()).raw("\" defer></script>\n");
        } else {
            raw("<p class=\"comments__closed\">Comments are closed for this article.</p>\n");
        }
        raw("</section>\n");
    }

    private void comment(CommentView comment) {
        raw("<li class=\"comment\" id=\"comment-").text(comment.id()).raw("\">\n<p class=\"comment__meta\"><span class=\"comment__name\">")
                .text(comment.name()).raw("</span> ");
        time(comment.posted());
        raw("</p>\n<div class=\"comment__body\">").safe(comment.body()).raw("</div>\n");
        if (!comment.replies().isEmpty()) {
            raw("<ol class=\"comments__replies\">\n");
            for (CommentView reply : comment.replies()) {
                comment(reply);
            }
            raw("</ol>\n");
        }
        raw("</li>\n");
    }

    private void commentForm(CommentFormView form) {
        raw("<form id=\"comment-form\" class=\"comment-form\" method=\"post\" action=\"").text(form.action())
                .raw("\" data-token-url=\"").text(form.tokenUrl()).raw("\" aria-labelledby=\"comment-form-title\">\n")
                .raw("<p><label for=\"comment-name\">Name</label>\n")
                .raw("<input id=\"comment-name\" name=\"name\" type=\"text\" autocomplete=\"name\" required maxlength=\"80\" value=\"")
                .text(form.name()).raw("\"></p>\n")
                .raw("<p><label for=\"comment-email\">Email (never published)</label>\n")
                .raw("<input id=\"comment-email\" name=\"email\" type=\"email\" autocomplete=\"email\" required maxlength=\"254\"></p>\n")
                .raw("<p><label for=\"comment-website\">Website (optional)</label>\n")
                .raw("<input id=\"comment-website\" name=\"website\" type=\"url\" autocomplete=\"url\" maxlength=\"2048\" value=\"")
                .text(form.website()).raw("\"></p>\n")
                .raw("<p><label for=\"comment-body\">Comment</label>\n")
                .raw("<textarea id=\"comment-body\" name=\"body\" rows=\"6\" required maxlength=\"5000\">").text(form.body())
                .raw("</textarea></p>\n")
                .raw("<p class=\"comment-form__trap\" aria-hidden=\"true\"><label for=\"comment-homepage\">Leave this field empty</label>\n")
                .raw("<input id=\"comment-homepage\" name=\"homepage\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"></p>\n")
                .raw("<p class=\"comment-form__reply\" hidden><span class=\"comment-form__reply-to\"></span> ")
                .raw("<button type=\"button\" class=\"comment-form__reply-cancel\">Cancel reply</button></p>\n")
                .raw("<input type=\"hidden\" name=\"replyTo\" value=\"").text(form.replyTo()).raw("\">\n")
                .raw("<input type=\"hidden\" name=\"token\" value=\"\">\n<p><button type=\"submit\">Post comment</button></p>\n</form>\n");
    }

    private void time(TimeView time) {
        raw("<time datetime=\"").text(time.iso()).raw("\">").text(time.display()).raw("</time>");
    }

    private HandWrittenArticlePage raw(String markup) {
        out.append(markup);
        return this;
    }

    private HandWrittenArticlePage safe(SafeString html) {
        out.append(html.toString());
        return this;
    }

    /** Text in element content or a quoted attribute: the five characters Pebble's HTML escaper replaces. */
    private HandWrittenArticlePage text(String text) {
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
                out.append(text, start, i).append(entity);
                start = i + 1;
            }
        }
        out.append(text, start, text.length());
        return this;
    }
}
