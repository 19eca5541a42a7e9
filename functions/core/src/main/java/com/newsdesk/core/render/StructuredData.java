package com.newsdesk.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.newsdesk.core.article.Article;
import com.newsdesk.core.article.ArticlePaths;
import com.newsdesk.core.article.Block;
import com.newsdesk.core.author.AuthorProfile;
import com.newsdesk.core.site.SiteSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * schema.org JSON-LD built as a Jackson tree from the typed article, never by string concatenation, and written
 * so that it is inert inside {@code <script>}: {@code <}, {@code >}, {@code &} and the JavaScript line
 * separators are {@code \}u-escaped, so no headline can close the script element.
 */
public final class StructuredData {
    private final SiteSettings site;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectWriter writer;

    public StructuredData(SiteSettings site) {
        this.site = site;
        this.writer = mapper.writer().with(new ScriptSafeEscapes());
    }

    /** {@code NewsArticle}, {@code BreadcrumbList} and, where the article has one, {@code FAQPage}. */
    /** @param image the page's link-preview picture (a library photo's social crop, with its size), or {@code null} */
    public String article(Article article, ArticleView.SocialImage image, String canonicalUrl, String description, Instant published,
                          Instant modified, String sectionUrl) {
        List<ObjectNode> graph = new ArrayList<>();
        ObjectNode news = node("NewsArticle");
        news.put("@id", canonicalUrl + "#article");
        news.put("headline", article.title());
        news.put("description", description);
        news.put("url", canonicalUrl);
        news.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", canonicalUrl);
        news.put("inLanguage", article.languageTag());
        news.put("datePublished", published.toString());
        news.put("dateModified", modified.toString());
        news.put("articleSection", article.section().name());
        if (!article.tags().isEmpty()) {
            news.put("keywords", String.join(", ", article.tags()));
        }
        if (image != null && article.image().fromLibrary()) {
            news.putArray("image").addObject().put("@type", "ImageObject").put("url", image.url())
                    .put("width", image.width()).put("height", image.height());
        } else if (image != null) {
            news.putArray("image").add(image.url());
        }
        ArrayNode authors = news.putArray("author");
        for (Article.Author author : article.authors()) {
            ObjectNode person = authors.addObject().put("@type", "Person").put("name", author.name());
            if (author.role() != null) {
                person.put("jobTitle", author.role());
            }
            if (author.slug() != null) {
                person.put("url", site.absolute(ArticlePaths.authorPath(author.slug())));
            }
        }
        news.set("publisher", publisher());
        if (!article.references().isEmpty()) {
            ArrayNode citations = news.putArray("citation");
            for (Article.Reference reference : article.references()) {
                ObjectNode work = citations.addObject().put("@type", "CreativeWork").put("name", reference.title());
                if (reference.url() != null) {
                    work.put("url", reference.url());
                }
            }
        }
        graph.add(news);
        graph.add(breadcrumbs(List.of(
                new String[] {"Home", site.absolute("/")},
                new String[] {article.section().name(), sectionUrl},
                new String[] {article.title(), canonicalUrl})));
        faq(article).ifPresent(graph::add);
        ObjectNode root = mapper.createObjectNode();
        root.put("@context", "https://schema.org");
        root.putArray("@graph").addAll(graph);
        return write(root);
    }

    /** An author's page: a {@code ProfilePage} whose main entity is the {@code Person}. */
    public ObjectNode profilePage(AuthorProfile profile, String pageUrl) {
        ObjectNode person = node("Person").put("name", profile.name()).put("url", pageUrl);
        if (profile.role() != null) {
            person.put("jobTitle", profile.role());
        }
        if (profile.bio() != null) {
            person.put("description", profile.bio());
        }
        if (profile.image() != null) {
            person.put("image", profile.image().src());
        }
        if (!profile.links().isEmpty()) {
            ArrayNode sameAs = person.putArray("sameAs");
            profile.links().forEach(sameAs::add);
        }
        ObjectNode page = node("ProfilePage").put("url", pageUrl);
        page.set("mainEntity", person);
        page.put("@context", "https://schema.org");
        return page;
    }

    /** A breadcrumb trail of (name, absolute URL) pairs. */
    public ObjectNode breadcrumbs(List<String[]> trail) {
        ObjectNode list = node("BreadcrumbList");
        ArrayNode items = list.putArray("itemListElement");
        for (int i = 0; i < trail.size(); i++) {
            items.addObject().put("@type", "ListItem").put("position", i + 1)
                    .put("name", trail.get(i)[0]).put("item", trail.get(i)[1]);
        }
        return list;
    }

    private java.util.Optional<ObjectNode> faq(Article article) {
        ArrayNode questions = mapper.createArrayNode();
        for (Block block : article.body()) {
            if (block instanceof Block.Faq faq) {
                for (Block.Faq.Item item : faq.items()) {
                    questions.addObject().put("@type", "Question").put("name", item.question())
                            .putObject("acceptedAnswer").put("@type", "Answer").put("text", item.answer());
                }
            }
        }
        if (questions.isEmpty()) {
            return java.util.Optional.empty();
        }
        ObjectNode page = node("FAQPage");
        page.set("mainEntity", questions);
        return java.util.Optional.of(page);
    }

    private ObjectNode publisher() {
        ObjectNode organization = node("Organization");
        organization.put("name", site.name());
        organization.put("url", site.absolute("/"));
        if (!site.logoUrl().isEmpty()) {
            organization.putObject("logo").put("@type", "ImageObject").put("url", site.logoUrl());
        }
        return organization;
    }

    public ObjectNode node(String type) {
        return mapper.createObjectNode().put("@type", type);
    }

    public String write(ObjectNode root) {
        try {
            return writer.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return switch (ch) {
                case 0x2028 -> new SerializedString("\\u2028");
                case 0x2029 -> new SerializedString("\\u2029");
                default -> null;
            };
        }
    }
}
