package no.tenantdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * A section of help beyond picocli's own (Examples, JSON output, Environment, Files) as data: a heading and its
 * blocks. --help lays it out with picocli's text table; {@link ManPage} writes the same blocks as roff, so neither
 * reads the other's layout.
 */
record HelpSection(String heading, List<Block> blocks) implements CommandLine.IHelpSectionRenderer {

    /** Where a term's text starts in --help; a longer term has its text on the line below. */
    static final int TEXT_COLUMN = 27;

    /** A footer element that is one term of a list: two spaces, the term, two or more spaces, its text. */
    private static final Pattern TERM = Pattern.compile(" {2}(\\S+(?:, \\S+)*) {2,}(\\S.*)");

    HelpSection {
        blocks = List.copyOf(blocks);
    }

    /** A part of a section. */
    sealed interface Block permits Term, Prose, Example {}

    /** A tagged paragraph: a name (a variable, a file) and what it means. */
    record Term(String name, String text) implements Block {}

    /** A paragraph of text, wrapped to the width of the help. */
    record Prose(String text) implements Block {}

    /** A command line, shown as it is typed. */
    record Example(String line) implements Block {}

    static HelpSection examples(String... lines) {
        return new HelpSection("Examples", List.of(lines).stream().<Block>map(Example::new).toList());
    }

    /** The man page's title of the section: "JSON output (--json)" is JSON OUTPUT. */
    String title() {
        return heading.replaceAll("\\s*\\(.*\\)$", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String render(Help help) {
        int width = help.commandSpec().usageMessage().width();
        String newline = System.lineSeparator();
        StringBuilder text = new StringBuilder(newline).append(heading).append(':').append(newline);
        for (Block block : blocks) {
            if (block instanceof Example example) {
                text.append("  ").append(example.line()).append(newline);
            } else if (block instanceof Prose prose) {
                wrap(prose.text(), width - 2).forEach(line -> text.append("  ").append(line).append(newline));
            } else if (block instanceof Term term) {
                String name = "  " + term.name();
                boolean below = name.length() + 2 > TEXT_COLUMN; // then its text starts on the next line
                if (below) {
                    text.append(name).append(newline);
                }
                List<String> lines = wrap(term.text(), width - TEXT_COLUMN);
                for (int i = 0; i < lines.size(); i++) {
                    String start = i == 0 && !below ? name : "";
                    text.append(start).append(" ".repeat(TEXT_COLUMN - start.length())).append(lines.get(i))
                            .append(newline);
                }
            }
        }
        return text.toString();
    }

    /**
     * Text broken at spaces only, into lines of at most the width (a longer word has a line of its own). Picocli's
     * text table also breaks at punctuation, which would split {id,name,email} and comments[].
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +", -1)) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * A command's footer as sections, read element by element (each element of the annotation's array is one
     * thing): the footer heading names the first section; an element that starts with a "Heading:" line starts
     * another, its further lines one paragraph; in Examples every element is an example; elsewhere an element "  TERM
     * text" (two spaces, two before the text) is a term and any other a paragraph.
     */
    static List<HelpSection> ofFooter(UsageMessageSpec usage) {
        List<HelpSection> sections = new ArrayList<>();
        List<String> top = lines(usage.footerHeading());
        String heading = headingAt(top) < 0 ? null : top.get(headingAt(top)).strip().replaceAll(":$", "");
        List<Block> blocks = new ArrayList<>();
        for (String element : usage.footer()) {
            List<String> lines = lines(element);
            int at = headingAt(lines);
            if (at >= 0) {
                add(sections, heading, blocks);
                heading = lines.get(at).strip().replaceAll(":$", "");
                blocks = new ArrayList<>();
                String rest = String.join(" ", lines.subList(at + 1, lines.size()).stream()
                        .map(String::strip).toList());
                if (!rest.isBlank()) {
                    blocks.add(new Prose(rest.strip()));
                }
            } else if (!element.isBlank()) {
                blocks.add(block(heading, String.join(" ", lines)));
            }
        }
        add(sections, heading, blocks);
        return sections;
    }

    private static Block block(String heading, String element) {
        if ("Examples".equals(heading)) {
            return new Example(element.strip());
        }
        Matcher term = TERM.matcher(element);
        return term.matches() ? new Term(term.group(1), term.group(2)) : new Prose(element.strip());
    }

    private static void add(List<HelpSection> sections, String heading, List<Block> blocks) {
        if (heading != null && !blocks.isEmpty()) {
            sections.add(new HelpSection(heading, blocks));
        }
    }

    /** Where the heading is that an element starts with ("Examples:" after blank lines), or -1. */
    private static int headingAt(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                return !line.startsWith(" ") && line.strip().endsWith(":") ? i : -1;
            }
        }
        return -1;
    }

    /** An element's lines with picocli's format specifiers applied, as --help shows them. */
    static List<String> lines(String element) {
        return element == null ? List.of() : List.of(element.replace("%n", "\n").replace("%%", "%").split("\n", -1));
    }
}
