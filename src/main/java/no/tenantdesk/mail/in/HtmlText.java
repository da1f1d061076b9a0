package no.tenantdesk.mail.in;

import java.util.Arrays;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML mail as the plain text a person would have typed: paragraphs, line breaks, list items with "- ", quoted
 * replies with "> ", and links followed by their address when it is not the link's text.
 *
 * <p>One pass over the document, and the text it writes is linear in the HTML: quote marks and list indents stop
 * growing at {@link #MAX_NESTING} levels (a reply chain 2,000 deep once made "> " a thousand times on every line),
 * and no element's text is read apart from the pass.
 */
final class HtmlText {

    /** Deeper quotes and lists look the same: ten levels of "> " is more than anyone reads. */
    static final int MAX_NESTING = 10;

    /**
     * Elements nested deeper are parsed as siblings, their text kept. jsoup looks through the open elements for
     * every tag, so its default of 512 made 50,000 nested lists take a second; a long reply chain is 100 deep.
     */
    private static final int MAX_DEPTH = 100;

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
        return toText(html, Integer.MAX_VALUE);
    }

    /** @param limit no more characters than this are written: the rest of a longer text would be cut anyway */
    static String toText(String html, int limit) {
        Document document = Jsoup.parse(html, "", Parser.htmlParser().setMaxDepth(MAX_DEPTH));
        Writer writer = new Writer(limit);
        NodeTraversor.traverse(writer, document.body() == null ? document : document.body());
        return Text.normalize(writer.out.toString());
    }

    /** Collects text with breaks requested by blocks and written only before the next text, so they never pile up. */
    private static final class Writer implements NodeVisitor {

        private final StringBuilder out = new StringBuilder();
        private final int limit;
        /** Characters other than blanks, and images, met so far: an element without any is blank. */
        private int seen;
        /** Where each open Outlook line started, by {@link #seen}. */
        private final Positions lines = new Positions();
        /** Where the text of each open link starts in the output; -1 until it has any. */
        private final Positions links = new Positions();
        private int breaks;
        private boolean space;
        private int skipping;
        private int pre;
        private int quoteDepth;
        private int listDepth;
        private boolean bullet;
        /** An image's description is written, but is no link's text: a linked logo shows no address. */
        private boolean describing;

        Writer(int limit) {
            this.limit = limit;
        }

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
                case "a" -> links.push(-1);
                case "img" -> {
                    // An image says nothing in text, unless its author described it.
                    seen++;
                    String alt = element.attr("alt").strip();
                    if (!alt.isEmpty()) {
                        describing = true;
                        text(alt);
                        describing = false;
                    }
                }
                default -> { }
            }
            if (CELLS.contains(tag)) {
                space = true;
            }
            if (outlookLine(element)) {
                lines.push(seen);
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
            if (outlookLine(element) && lines.pop() == seen) {
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
            int start = links.pop();
            String href = a.attr("href").strip();
            if (start < 0 || href.isEmpty() || href.startsWith("#")
                    || href.regionMatches(true, 0, "javascript:", 0, 11)) {
                return;
            }
            // A text much longer than the address is not the address; no need to copy it to compare.
            if (out.length() - start <= href.length() + 1) {
                String text = out.substring(start).strip();
                String target = href.regionMatches(true, 0, "mailto:", 0, 7) ? href.substring(7) : href;
                if (same(text, target) || same(text, href)) {
                    return;
                }
            }
            text(" (" + href + ")");
        }

        private static boolean same(String text, String url) {
            return text.equalsIgnoreCase(url) || text.equalsIgnoreCase(url.replaceFirst("/$", ""))
                    || text.equalsIgnoreCase(url.replaceFirst("^https?://", ""))
                    || text.equalsIgnoreCase(url.replaceFirst("^https?://", "").replaceFirst("/$", ""));
        }

        private void text(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean blank = Character.isWhitespace(c) || c == '\u00A0';
                if (!blank) {
                    seen++;
                }
                if (pre > 0) {
                    if (c == '\n') {
                        breaks++;
                    } else if (c != '\r') {
                        emit(c);
                    }
                } else if (blank) {
                    space = true;
                } else {
                    emit(c);
                }
            }
        }

        private void emit(char c) {
            if (out.length() >= limit) {
                return;
            }
            if (breaks > 0 || out.length() == 0) {
                if (out.length() > 0) {
                    out.append("\n".repeat(Math.min(breaks, 2)));
                }
                out.append("> ".repeat(Math.min(quoteDepth, MAX_NESTING)));
                if (bullet) {
                    out.append("  ".repeat(Math.min(Math.max(0, listDepth - 1), MAX_NESTING))).append("- ");
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
            if (!describing) {
                links.start(out.length());
            }
            out.append(c);
        }
    }

    /** A stack of ints for the open elements that need one. */
    private static final class Positions {

        private int[] values = new int[8];
        private int size;

        void push(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int pop() {
            return values[--size];
        }

        /** Gives every open link that has no text yet this start; each is set once, so it costs nothing per char. */
        void start(int position) {
            for (int i = size - 1; i >= 0 && values[i] < 0; i--) {
                values[i] = position;
            }
        }
    }
}
