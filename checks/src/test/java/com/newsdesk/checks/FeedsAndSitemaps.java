package com.newsdesk.checks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The site's XML as feed readers and crawlers take it: well-formed, and carrying what RSS 2.0 and the sitemap
 * protocol (sitemaps.org 0.9, with Google's news extension) require. The schemas themselves live on the web, out of reach of a test, so their
 * required elements and value formats are checked here, plus one rule of this site: every URL is on its origin.
 */
final class FeedsAndSitemaps {
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** Both sitemaps and sitemap indexes hold at most this many entries. */
    private static final int MAX_ENTRIES = 50_000;
    private static final int MAX_URL_LENGTH = 2048;
    private static final List<String> CHANGE_FREQUENCIES = List.of("always", "hourly", "daily", "weekly", "monthly", "yearly", "never");

    private final String siteOrigin;

    /** @param siteOrigin e.g. {@code https://news.example}; every link and location must start with it */
    FeedsAndSitemaps(String siteOrigin) {
        this.siteOrigin = siteOrigin;
    }

    /** What is wrong with the document; empty when nothing is. */
    List<String> problems(byte[] xml) {
        Element root;
        try {
            root = parse(xml).getDocumentElement();
        } catch (SAXException | IOException e) {
            return List.of("not well-formed XML: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        String namespace = root.getNamespaceURI();
        if (namespace == null && root.getLocalName().equals("rss")) {
            rss(root, problems);
        } else if (SITEMAP_NS.equals(namespace) && root.getLocalName().equals("urlset")) {
            entries(root, "url", problems);
        } else if (SITEMAP_NS.equals(namespace) && root.getLocalName().equals("sitemapindex")) {
            entries(root, "sitemap", problems);
        } else {
            problems.add("<" + root.getTagName() + "> in namespace " + namespace
                    + " is neither an RSS 2.0 feed nor a sitemap: add the rules of this kind of document to FeedsAndSitemaps");
        }
        return problems;
    }

    private void rss(Element rss, List<String> problems) {
        if (!"2.0".equals(rss.getAttribute("version"))) {
            problems.add("<rss> must have version=\"2.0\", has \"" + rss.getAttribute("version") + "\"");
        }
        List<Element> channels = children(rss, null, "channel");
        if (channels.size() != 1) {
            problems.add("<rss> must hold exactly one <channel>, holds " + channels.size());
            return;
        }
        Element channel = channels.get(0);
        required(channel, null, "title", "<channel>", problems);
        required(channel, null, "description", "<channel>", problems);
        url(required(channel, null, "link", "<channel>", problems), "<channel><link>", problems);
        rfc822(channel, "lastBuildDate", "<channel>", problems);
        rfc822(channel, "pubDate", "<channel>", problems);
        List<Element> items = children(channel, null, "item");
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            String where = "<item> " + (i + 1);
            if (text(item, null, "title") == null && text(item, null, "description") == null) {
                problems.add(where + " has neither <title> nor <description>");
            }
            url(required(item, null, "link", where, problems), where + " <link>", problems);
            String guid = required(item, null, "guid", where, problems);
            if (guid != null && !"false".equals(children(item, null, "guid").get(0).getAttribute("isPermaLink"))) {
                url(guid, where + " <guid> (a permalink unless isPermaLink=\"false\")", problems);
            }
            rfc822(item, "pubDate", where, problems);
        }
    }

    /** The {@code <url>} entries of a sitemap, or the {@code <sitemap>} entries of a sitemap index. */
    private void entries(Element root, String entryName, List<String> problems) {
        List<Element> entries = children(root, SITEMAP_NS, entryName);
        if (entries.size() > MAX_ENTRIES) {
            problems.add("<" + root.getLocalName() + "> holds " + entries.size() + " entries; at most " + MAX_ENTRIES + " are allowed");
        }
        for (int i = 0; i < entries.size(); i++) {
            Element entry = entries.get(i);
            String where = "<" + entryName + "> " + (i + 1);
            if (children(entry, SITEMAP_NS, "loc").size() > 1) {
                problems.add(where + " has more than one <loc>");
            }
            url(required(entry, SITEMAP_NS, "loc", where, problems), where + " <loc>", problems);
            String lastmod = text(entry, SITEMAP_NS, "lastmod");
            if (lastmod != null && !isW3cDatetime(lastmod)) {
                problems.add(where + " <lastmod> \"" + lastmod + "\" is not a W3C datetime");
            }
            String changefreq = text(entry, SITEMAP_NS, "changefreq");
            if (changefreq != null && !CHANGE_FREQUENCIES.contains(changefreq)) {
                problems.add(where + " <changefreq> \"" + changefreq + "\" is not one of " + CHANGE_FREQUENCIES);
            }
            String priority = text(entry, SITEMAP_NS, "priority");
            if (priority != null && !isPriority(priority)) {
                problems.add(where + " <priority> \"" + priority + "\" is not a number from 0.0 to 1.0");
            }
            for (Element news : children(entry, NEWS_NS, "news")) {
                news(news, where + " <news:news>", problems);
            }
        }
    }

    /** Google News sitemap entries: publication name and language, publication date and title are required. */
    private static void news(Element news, String where, List<String> problems) {
        List<Element> publications = children(news, NEWS_NS, "publication");
        if (publications.isEmpty()) {
            problems.add(where + " has no <news:publication>");
        } else {
            required(publications.get(0), NEWS_NS, "name", where + " <news:publication>", problems);
            required(publications.get(0), NEWS_NS, "language", where + " <news:publication>", problems);
        }
        required(news, NEWS_NS, "title", where, problems);
        String date = required(news, NEWS_NS, "publication_date", where, problems);
        if (date != null && !isW3cDatetime(date)) {
            problems.add(where + " <news:publication_date> \"" + date + "\" is not a W3C datetime");
        }
    }

    private void url(String value, String where, List<String> problems) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || !value.startsWith(siteOrigin + "/")) {
                problems.add(where + " \"" + value + "\" is not an absolute URL on " + siteOrigin);
            } else if (value.length() > MAX_URL_LENGTH) {
                problems.add(where + " is longer than " + MAX_URL_LENGTH + " characters");
            }
        } catch (URISyntaxException e) {
            problems.add(where + " \"" + value + "\" is not a URL: " + e.getReason());
        }
    }

    private static void rfc822(Element parent, String name, String where, List<String> problems) {
        String value = text(parent, null, name);
        if (value == null) {
            return;
        }
        try {
            DateTimeFormatter.RFC_1123_DATE_TIME.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(where + " <" + name + "> \"" + value + "\" is not an RFC 822 date such as \"Fri, 28 Nov 2025 06:30:00 GMT\"");
        }
    }

    private static boolean isW3cDatetime(String value) {
        for (Consumer<String> parser : List.<Consumer<String>>of(
                Year::parse, YearMonth::parse, LocalDate::parse, OffsetDateTime::parse)) {
            try {
                parser.accept(value);
                return true;
            } catch (DateTimeParseException e) {
                // not this form; try the next
            }
        }
        return false;
    }

    private static boolean isPriority(String value) {
        try {
            BigDecimal priority = new BigDecimal(value);
            return priority.signum() >= 0 && priority.compareTo(BigDecimal.ONE) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String required(Element parent, String namespace, String name, String where, List<String> problems) {
        String value = text(parent, namespace, name);
        if (value == null) {
            problems.add(where + " has no <" + name + ">");
        }
        return value;
    }

    /** The trimmed text of the first such child, or null when there is none or it is blank. */
    private static String text(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        String text = found.isEmpty() ? "" : found.get(0).getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())
                    && Objects.equals(namespace, element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    /** Namespace-aware, and refusing DTDs: no feed or sitemap has one, and they are how XML reaches for outside files. */
    private static Document parse(byte[] xml) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
