package com.newsdesk.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.newsdesk.core.article.Article;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The schema.org JSON-LD of a page as a search engine reads it: every block parses, names its {@code @context},
 * and a {@code NewsArticle} carries what Google's article rich results need.
 */
final class JsonLdCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NEWS_ARTICLE_REQUIRED = List.of("headline", "datePublished", "dateModified", "author", "publisher");

    /**
     * @param article the article the page shows, whose {@code NewsArticle} it must describe; null for a page that
     *                shows no single article
     */
    List<String> problems(String html, Article article) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> newsArticles = new ArrayList<>();
        for (Element script : Jsoup.parse(html).select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (JsonProcessingException e) {
                problems.add("a JSON-LD block does not parse: " + e.getOriginalMessage());
                continue;
            }
            if (!root.path("@context").asText().matches("https?://schema\\.org/?")) {
                problems.add("a JSON-LD block has no schema.org @context: " + root.path("@context"));
            }
            List<JsonNode> nodes = new ArrayList<>();
            nodes.add(root);
            root.path("@graph").forEach(nodes::add);
            for (JsonNode node : nodes) {
                if (isNewsArticle(node.path("@type"))) {
                    newsArticles.add(node);
                    newsArticle(node, problems);
                }
                if (node.path("@type").asText().equals("ProfilePage")) {
                    profilePage(node, problems);
                }
            }
        }
        if (article != null) {
            shows(article, newsArticles, problems);
        }
        return problems;
    }

    private static void newsArticle(JsonNode news, List<String> problems) {
        for (String property : NEWS_ARTICLE_REQUIRED) {
            if (isAbsent(news.path(property))) {
                problems.add("NewsArticle has no " + property);
            }
        }
        for (String date : List.of("datePublished", "dateModified")) {
            if (news.has(date)) {
                try {
                    OffsetDateTime.parse(news.get(date).asText());
                } catch (DateTimeParseException e) {
                    problems.add("NewsArticle " + date + " \"" + news.get(date).asText() + "\" is not an ISO 8601 date and time with offset");
                }
            }
        }
        news.path("author").forEach(author -> {
            if (author.path("name").asText().isBlank()) {
                problems.add("NewsArticle has an author without a name: " + author);
            }
            if (author.has("url") && !author.path("url").asText().matches("https?://.+")) {
                problems.add("NewsArticle has an author whose url is not absolute: " + author);
            }
        });
        if (news.has("publisher") && news.path("publisher").path("name").asText().isBlank()) {
            problems.add("NewsArticle publisher has no name");
        }
    }

    /** An author's page: about one Person, named, at the page's absolute URL. */
    private static void profilePage(JsonNode page, List<String> problems) {
        JsonNode person = page.path("mainEntity");
        if (!person.path("@type").asText().equals("Person") || person.path("name").asText().isBlank()
                || !person.path("url").asText().matches("https?://.+")) {
            problems.add("ProfilePage must have a Person with a name and an absolute url as its mainEntity: " + person);
        }
    }

    private static void shows(Article article, List<JsonNode> newsArticles, List<String> problems) {
        if (newsArticles.size() != 1) {
            problems.add("the page of an article must describe it in exactly one NewsArticle; found " + newsArticles.size());
            return;
        }
        JsonNode news = newsArticles.get(0);
        if (!article.title().equals(news.path("headline").asText())) {
            problems.add("NewsArticle headline \"" + news.path("headline").asText() + "\" is not the article's title \"" + article.title() + "\"");
        }
        if (article.image() != null && article.image().fromLibrary()) {
            JsonNode card = news.path("image").path(0);
            if (!card.path("url").asText().matches("https://.+/media/[0-9a-f]{20}-1200x630\\.jpg") || card.path("width").asInt() != 1200
                    || card.path("height").asInt() != 630) {
                problems.add("NewsArticle image is not the library photo's 1200x630 social crop with its size: " + news.path("image"));
            }
        } else if (article.image() != null && !imageUrls(news.path("image")).contains(article.image().src())) {
            problems.add("NewsArticle image does not name the article's image " + article.image().src() + ": " + news.path("image"));
        }
    }

    private static boolean isAbsent(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()
                || value.isContainerNode() && value.isEmpty();
    }

    /** {@code @type} is one type or a list of them. */
    private static boolean isNewsArticle(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (each.asText().equals("NewsArticle")) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().equals("NewsArticle");
    }

    /** schema.org allows an image as a URL, an ImageObject, or a list of either. */
    private static List<String> imageUrls(JsonNode image) {
        List<String> urls = new ArrayList<>();
        if (image.isArray()) {
            image.forEach(each -> urls.addAll(imageUrls(each)));
        } else if (image.isObject()) {
            urls.add(image.path("url").asText());
        } else if (image.isTextual()) {
            urls.add(image.asText());
        }
        return urls;
    }
}
