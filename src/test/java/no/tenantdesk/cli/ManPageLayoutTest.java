package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The man pages read the footers and extra sections of --help by their layout ({@link ManPage#TERM}): a line laid
 * out otherwise would silently run into the paragraph before it. These tests make such a change loud.
 */
class ManPageLayoutTest {

    static final Path GOLDEN = Path.of("src/test/resources/man/tenantdesk-attachment-get.1");

    /**
     * One whole page as it should be: every section, in order. A change to the page's command, to the global options
     * or to how pages are written shows here first; when the change is meant, copy the page the test wrote to
     * target/golden/ over the golden file and review the difference.
     */
    @Test
    void thePageOfAttachmentGetIsAsItsGoldenFile() throws IOException {
        String page = ManPageTest.PAGES.get("tenantdesk-attachment-get");
        Path written = Path.of("target/golden").resolve(GOLDEN.getFileName());
        Files.createDirectories(written.getParent());
        Files.writeString(written, page);

        assertThat(page).as("the page (written to %s) against %s", written, GOLDEN)
                .isEqualTo(Files.readString(GOLDEN));
    }

    /**
     * In a list of terms ("  TERM  text", its text continued deeper), a line at the terms' indent must start a new
     * term: a term with one space before its text, or words instead of a term, would be read as more of the text.
     */
    @Test
    void everyLineAtATermsIndentInAListOfTermsIsATerm() {
        List<String> wrong = new ArrayList<>();
        for (CommandSpec spec : ManPageTest.commands()) {
            for (List<String> section : sections(spec)) {
                boolean inTerms = false;
                for (int i = 1; i < section.size(); i++) {
                    String line = section.get(i);
                    boolean deeperNext = i + 1 < section.size() && section.get(i + 1).startsWith("   ");
                    boolean atTermIndent = line.startsWith("  ") && !line.startsWith("   ");
                    Matcher term = ManPage.TERM.matcher(line);
                    boolean isTerm = atTermIndent && term.matches() && (term.group(2) != null || deeperNext);
                    if (isTerm) {
                        inTerms = true;
                    } else if (line.isBlank() || !line.startsWith(" ")) {
                        inTerms = false;
                    } else if (inTerms && atTermIndent) {
                        wrong.add(spec.qualifiedName(" ") + ", " + section.get(0).strip() + " '" + line + "'");
                    }
                }
            }
        }
        assertThat(wrong).as("lines the man page would run into the term before them: give the term two spaces"
                + " before its text, or its text on the next line, indented").isEmpty();
    }

    /** The footer and the extra sections, split at their headings; each list starts with its heading. */
    private static List<List<String>> sections(CommandSpec spec) {
        UsageMessageSpec usage = spec.usageMessage();
        List<String> text = new ArrayList<>(List.of(ManPage.lines(new String[] {usage.footerHeading()})));
        text.addAll(List.of(ManPage.lines(usage.footer())));
        Map<String, CommandLine.IHelpSectionRenderer> renderers = usage.sectionMap();
        for (String key : usage.sectionKeys()) {
            if (renderers.get(key) != null && !CommandSpec.create().usageMessage().sectionKeys().contains(key)) {
                text.addAll(List.of(renderers.get(key).render(spec.commandLine().getHelp()).split("\\R", -1)));
            }
        }
        List<List<String>> sections = new ArrayList<>();
        for (String line : text) {
            if (!line.isBlank() && !line.startsWith(" ") && line.strip().endsWith(":")) {
                sections.add(new ArrayList<>(List.of(line)));
            } else if (!sections.isEmpty()) {
                sections.get(sections.size() - 1).add(line);
            }
        }
        return sections;
    }
}
