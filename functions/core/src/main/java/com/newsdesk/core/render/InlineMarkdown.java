package com.newsdesk.core.render;

import com.newsdesk.core.article.Citations;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The inline Markdown of article text (emphasis, strong, links, inline code) turned into safe HTML by commonmark:
 * raw HTML is escaped, links with a scheme other than http(s) and mailto lose the link and keep their text, images become their alt text, and
 * {@code [[id]]} becomes a numbered citation linking to the reference list. Parser and renderer are built once and
 * are thread-safe.
 */
public final class InlineMarkdown {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public InlineMarkdown() {
        this.parser = Parser.builder().enabledBlockTypes(Set.of()).build();
        this.renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                .omitSingleParagraphP(true)
                .nodeRendererFactory(CitationRenderer::new)
                .nodeRendererFactory(ImageAsAltText::new)
                .build();
    }

    /**
     * Renders one inline text.
     *
     * @param citationNumbers reference id to the number readers see; ids missing here render as plain text
     */
    public String toHtml(String text, Map<String, Integer> citationNumbers) {
        String simple = SimpleInline.toHtml(text, citationNumbers);
        return simple != null ? simple : parsed(text, citationNumbers);
    }

    /** What commonmark makes of the text, with links guarded and citations resolved. */
    String parsed(String text, Map<String, Integer> citationNumbers) {
        Node document = parser.parse(text);
        document.accept(new LinkGuard());
        if (text.indexOf("[[") >= 0) {
            document.accept(new CitationFinder(citationNumbers));
        }
        String html = renderer.render(document);
        return html.endsWith("\n") ? html.substring(0, html.length() - 1) : html;
    }

    /**
     * The commonmark output of the text most articles are made of, without the parser (which was a fifth of a
     * rebuild): words, {@code *emphasis*} and {@code **strong**} whose delimiters sit between a space or ASCII
     * punctuation and an ASCII letter or digit, so each can only open or only close (CommonMark's flanking rules),
     * nested in matching pairs, and {@code [[id]]} citations not followed by anything that could make them a link.
     * Anything else, or anything unmatched, returns null for the parser to render; a test compares the two on
     * generated texts.
     */
    static final class SimpleInline {
        private static final int MAX_NESTING = 8;
        /** Characters that start syntax this shortcut does not render: code, links, HTML, entities, escapes. */
        private static final boolean[] REFUSED = new boolean['~' + 1];

        static {
            for (char c : "_`]<>&\\!~".toCharArray()) {
                REFUSED[c] = true;
            }
        }

        private SimpleInline() {}

        static String toHtml(String text, Map<String, Integer> citationNumbers) {
            int length = text.length();
            if (length == 0 || Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1))) {
                return null;
            }
            StringBuilder html = null;
            int copied = 0;
            int[] open = new int[MAX_NESTING];
            int depth = 0;
            for (int i = 0; i < length; ) {
                char c = text.charAt(i);
                if (c == '*') {
                    int end = i;
                    while (end < length && text.charAt(end) == '*') {
                        end++;
                    }
                    int run = end - i;
                    int before = i == 0 ? SPACE : kind(text.charAt(i - 1));
                    int after = end == length ? SPACE : kind(text.charAt(end));
                    if (run > 2 || before == OTHER || after == OTHER) {
                        return null;
                    }
                    boolean leftFlanking = after != SPACE && (after != PUNCTUATION || before != WORD);
                    boolean rightFlanking = before != SPACE && (before != PUNCTUATION || after != WORD);
                    String tag;
                    if (leftFlanking && !rightFlanking && depth < MAX_NESTING) {
                        open[depth++] = run;
                        tag = run == 1 ? "<em>" : "<strong>";
                    } else if (rightFlanking && !leftFlanking && depth > 0 && open[depth - 1] == run) {
                        depth--;
                        tag = run == 1 ? "</em>" : "</strong>";
                    } else {
                        return null;
                    }
                    html = append(html, text, copied, i, tag);
                    copied = end;
                    i = end;
                } else if (c == '[') {
                    Matcher marker = Citations.MARKER.matcher(text).region(i, length);
                    if (!marker.lookingAt() || (marker.end() < length && "([:".indexOf(text.charAt(marker.end())) >= 0)) {
                        return null;
                    }
                    Integer number = citationNumbers.get(marker.group(1));
                    if (number != null) {
                        html = append(html, text, copied, i, "<sup class=\"citation\"><a href=\"#ref-" + marker.group(1)
                                + "\">[" + number + "]</a></sup>");
                        copied = marker.end();
                    }
                    i = marker.end();
                } else if (c == '"') {
                    html = append(html, text, copied, i, "&quot;");
                    copied = ++i;
                } else if (c < ' ' || c < REFUSED.length && REFUSED[c]) {
                    return null;
                } else {
                    i++;
                }
            }
            if (depth > 0) {
                return null;
            }
            return html == null ? text : html.append(text, copied, length).toString();
        }

        private static final int SPACE = 0;
        private static final int PUNCTUATION = 1;
        private static final int WORD = 2;
        private static final int OTHER = 3;

        /** The classes of CommonMark's flanking rules, for the ASCII characters next to a delimiter. */
        private static int kind(char c) {
            if (c == ' ') {
                return SPACE;
            } else if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                return WORD;
            } else if (c > ' ' && c < 0x7f) {
                return PUNCTUATION;
            }
            return OTHER;
        }

        private static StringBuilder append(StringBuilder html, String text, int from, int to, String markup) {
            StringBuilder out = html == null ? new StringBuilder(text.length() + 64) : html;
            return out.append(text, from, to).append(markup);
        }
    }

    /** Unwraps links whose scheme could run script or load content: {@code javascript:}, {@code data:} and the rest. */
    private static final class LinkGuard extends AbstractVisitor {
        private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");
        private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");

        @Override
        public void visit(Link link) {
            visitChildren(link);
            if (!isSafe(link.getDestination())) {
                Node child = link.getFirstChild();
                while (child != null) {
                    Node next = child.getNext();
                    link.insertBefore(child);
                    child = next;
                }
                link.unlink();
            }
        }

        static boolean isSafe(String destination) {
            String normalized = destination.replaceAll("[\\u0000-\\u0020\\u007f]", "").toLowerCase(Locale.ROOT);
            Matcher scheme = SCHEME.matcher(normalized);
            return !scheme.find() || SAFE_SCHEMES.contains(scheme.group(1));
        }
    }

    /** A citation marker resolved to its number. */
    static final class Citation extends CustomNode {
        final String id;
        final int number;

        Citation(String id, int number) {
            this.id = id;
            this.number = number;
        }
    }

    private static final class CitationFinder extends AbstractVisitor {
        private final Map<String, Integer> numbers;

        CitationFinder(Map<String, Integer> numbers) {
            this.numbers = numbers;
        }

        @Override
        public void visit(Code code) {
            // citations inside inline code stay literal
        }

        @Override
        public void visit(Text text) {
            String literal = text.getLiteral();
            Matcher marker = Citations.MARKER.matcher(literal);
            int from = 0;
            Node cursor = text;
            boolean replaced = false;
            while (marker.find()) {
                Integer number = numbers.get(marker.group(1));
                if (number == null) {
                    continue;
                }
                if (marker.start() > from) {
                    cursor = insertAfter(cursor, new Text(literal.substring(from, marker.start())));
                }
                cursor = insertAfter(cursor, new Citation(marker.group(1), number));
                from = marker.end();
                replaced = true;
            }
            if (replaced) {
                if (from < literal.length()) {
                    insertAfter(cursor, new Text(literal.substring(from)));
                }
                text.unlink();
            }
        }

        private static Node insertAfter(Node anchor, Node node) {
            anchor.insertAfter(node);
            return node;
        }
    }

    private static final class CitationRenderer implements NodeRenderer {
        private final HtmlWriter html;

        CitationRenderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Citation.class);
        }

        @Override
        public void render(Node node) {
            Citation citation = (Citation) node;
            html.tag("sup", Map.of("class", "citation"));
            html.tag("a", Map.of("href", "#ref-" + citation.id));
            html.text("[" + citation.number + "]");
            html.tag("/a");
            html.tag("/sup");
        }
    }

    /** Inline images would load third-party content into the page; readers get the alt text instead. */
    private static final class ImageAsAltText implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        ImageAsAltText(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Node child = node.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }
    }
}
