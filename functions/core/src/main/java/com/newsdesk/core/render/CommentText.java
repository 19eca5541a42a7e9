package com.newsdesk.core.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reader's comment as HTML: plain text only. Every character is escaped, blank lines make paragraphs, single
 * line breaks are kept, and http(s) URLs become links that pass no ranking and no opener.
 */
public final class CommentText {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]}'’]", Pattern.CASE_INSENSITIVE);

    private CommentText() {}

    public static String toHtml(String body) {
        StringBuilder html = new StringBuilder(body.length() + 32);
        for (String paragraph : body.strip().replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            if (paragraph.isBlank()) {
                continue;
            }
            html.append("<p>");
            String[] lines = paragraph.strip().split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    html.append("<br>");
                }
                linkify(lines[i], html);
            }
            html.append("</p>");
        }
        return html.toString();
    }

    /** How many links {@link #toHtml} makes of a body: what the link-count spam check counts. */
    public static int linkCount(String body) {
        Matcher url = URL.matcher(body);
        int links = 0;
        while (url.find()) {
            links++;
        }
        return links;
    }

    private static void linkify(String line, StringBuilder html) {
        Matcher url = URL.matcher(line);
        int from = 0;
        while (url.find()) {
            escape(line.substring(from, url.start()), html);
            String href = url.group();
            html.append("<a href=\"");
            escape(href, html);
            html.append("\" rel=\"nofollow ugc noopener\">");
            escape(href, html);
            html.append("</a>");
            from = url.end();
        }
        escape(line.substring(from), html);
    }

    private static void escape(String text, StringBuilder html) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }
}
