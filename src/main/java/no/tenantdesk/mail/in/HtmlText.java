package no.tenantdesk.mail.in;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML mail as the plain text a person would have typed: paragraphs, line breaks, list items with "- ", quoted
 * replies with "> ", and links followed by their address when it is not the link's text.
 */
final class HtmlText {

    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "title", "template", "noscript",
            "object", "svg", "xml");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul",
            "ol", "dl", "pre", "blockquote", "figure", "address");
    private static final Set<String> BLOCKS = Set.of("div", "li", "tr", "dt", "dd", "section", "article", "header",
            "footer", "main", "nav", "aside", "form", "fieldset", "center", "hr", "caption", "tbody", "thead",
            "tfoot", "body", "html", "figcaption", "details", "summary", "legend");
    private static final Set<String> CELLS = Set.of("td", "th");

    private HtmlText() {}

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        Writer writer = new Writer();
        NodeTraversor.traverse(writer, document.body() == null ? document : document.body());
        return Text.normalize(writer.out.toString());
    }

    /** Collects text with breaks requested by blocks and written only before the next text, so they never pile up. */
    private static final class Writer implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private int breaks;
        private boolean space;
        private int skipping;
        private int pre;
        private int quoteDepth;
        private int listDepth;
        private boolean bullet;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (skipping == 0) {
                    text(text.getWholeText());
                }
                return;
            }
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (SKIPPED.contains(tag) || skipping > 0) {
                skipping++;
                return;
            }
            switch (tag) {
                case "br" -> breaks++;
                case "pre" -> pre++;
                case "blockquote" -> quoteDepth++;
                case "ul", "ol" -> listDepth++;
                case "li" -> bullet = true;
                case "img" -> {
                    // An image says nothing in text, unless its author described it.
                    String alt = element.attr("alt").strip();
                    if (!alt.isEmpty()) {
                        text(alt);
                    }
                }
                default -> { }
            }
            if (CELLS.contains(tag)) {
                space = true;
            }
            block(element);
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element element)) {
                return;
            }
            String tag = element.normalName();
            if (skipping > 0) {
                skipping--;
                return;
            }
            switch (tag) {
                case "pre" -> pre--;
                case "blockquote" -> quoteDepth--;
                case "ul", "ol" -> listDepth--;
                case "a" -> link(element);
                default -> { }
            }
            if (CELLS.contains(tag)) {
                space = true;
            }
            if (outlookLine(element) && element.text().replace('\u00A0', ' ').isBlank()
                    && element.selectFirst("img") == null) {
                // Outlook writes a blank line as an empty paragraph.
                breaks++;
            }
            block(element);
        }

        /** Outlook writes every line as a paragraph of class MsoNormal, without margins: a line, not a paragraph. */
        private static boolean outlookLine(Element element) {
            return element.normalName().equals("p") && element.hasClass("MsoNormal");
        }

        private void block(Element element) {
            String tag = element.normalName();
            if (outlookLine(element)) {
                breaks = Math.max(breaks, 1);
            } else if (PARAGRAPHS.contains(tag)) {
                breaks = Math.max(breaks, listDepth > 0 && (tag.equals("ul") || tag.equals("ol")) ? 1 : 2);
            } else if (BLOCKS.contains(tag)) {
                breaks = Math.max(breaks, 1);
            }
        }

        private void link(Element a) {
            String href = a.attr("href").strip();
            String text = a.text().strip();
            if (href.isEmpty() || href.startsWith("#") || href.regionMatches(true, 0, "javascript:", 0, 11)
                    || text.isEmpty()) {
                return;
            }
            String target = href.regionMatches(true, 0, "mailto:", 0, 7) ? href.substring(7) : href;
            if (same(text, target) || same(text, href)) {
                return;
            }
            text(" (" + href + ")");
        }

        private static boolean same(String text, String url) {
            return text.equalsIgnoreCase(url) || text.equalsIgnoreCase(url.replaceFirst("/$", ""))
                    || text.equalsIgnoreCase(url.replaceFirst("^https?://", ""))
                    || text.equalsIgnoreCase(url.replaceFirst("^https?://", "").replaceFirst("/$", ""));
        }

        private void text(String text) {
            if (pre > 0) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\n') {
                        breaks++;
                    } else if (c != '\r') {
                        emit(c);
                    }
                }
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00A0') {
                    space = true;
                } else {
                    emit(c);
                }
            }
        }

        private void emit(char c) {
            if (breaks > 0 || out.length() == 0) {
                if (out.length() > 0) {
                    out.append("\n".repeat(Math.min(breaks, 2)));
                }
                out.append("> ".repeat(quoteDepth));
                if (bullet) {
                    out.append("  ".repeat(Math.max(0, listDepth - 1))).append("- ");
                    bullet = false;
                }
                breaks = 0;
                space = false;
            } else if (space) {
                out.append(' ');
                space = false;
            }
            if (pre > 0) {
                space = false;
            }
            out.append(c);
        }
    }
}
