package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a tenant writes must not reach an operator's terminal as escape sequences, in any view of it. */
class TerminalSafetyTest {

    private static final String HOSTILE = "Lekkasje\u001b[31m i \u001b]0;evil\u0007taket\u202e\u0085";

    @TempDir
    Path folder;

    Cli cli;

    String id;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        cli.create("contact", "add", "--name", "Kari\u001b[2J Nordmann", "--email", "kari@example.no");
        cli.create("contact", "add", "--name", "Rør\u001b[5m AS", "--role", "contractor");
        id = String.valueOf(cli.create("inquiry", "create", "--title", HOSTILE, "--description",
                "Linje\u001b[1m én\nlinje to\u0007", "--tenant", "kari@example.no"));
        cli.run("comment", id, "-m", "Kommentar\u001b]52;c;cGF5bG9hZA==\u0007", "--attach",
                cli.file("bilde\u001b[31m.jpg", "x").toString());
        cli.run("task", "create", id, "--title", "Tett\u001b[31m", "--assignee", "Rør");
    }

    private static void assertTerminalSafe(CommandResult result) {
        assertThat(result).succeeded();
        assertThat(result.out()).doesNotContain("\u001b", "\u0007", "\u009b", "\u0085", "\u202e");
        assertThat(result.err()).doesNotContain("\u001b", "\u0007");
    }

    @Test
    void inquiryListShowsTheTitleWithoutEscapes() {
        CommandResult result = cli.run("inquiry", "list");

        assertTerminalSafe(result);
        assertThat(result.out()).contains("Lekkasje i taket");
    }

    @Test
    void searchShowsTitlesAndSnippetsWithoutEscapes() {
        assertTerminalSafe(cli.run("search", "lekkasje"));
        CommandResult comment = cli.run("search", "kommentar");
        assertTerminalSafe(comment);
        assertThat(comment.out()).contains("comment: Kommentar");
        assertTerminalSafe(cli.run("search", "linje"));
        assertTerminalSafe(cli.run("inquiry", "list", "--search", "tett"));
    }

    @Test
    void inquiryShowShowsTitleDescriptionCommentAndFileWithoutEscapes() {
        CommandResult result = cli.run("inquiry", "show", id);

        assertTerminalSafe(result);
        assertThat(result.out()).contains("Inquiry " + id + ": Lekkasje i taket", "Linje én", "linje to",
                "Kommentar", "bilde[31m.jpg", "Kari Nordmann", "Tett → Rør AS");
    }

    @Test
    void confirmationsEchoTheTitleSafely() {
        assertTerminalSafe(cli.run("inquiry", "create", "--title", HOSTILE));
        assertTerminalSafe(cli.run("inquiry", "update", id, "--title", HOSTILE + "!"));
    }

    @Test
    void contactTaskAndAttachmentViewsAreSafe() {
        assertTerminalSafe(cli.run("contact", "list"));
        assertTerminalSafe(cli.run("contact", "show", "kari@example.no"));
        assertTerminalSafe(cli.run("task", "list"));
        assertTerminalSafe(cli.run("task", "show", "1"));
        assertTerminalSafe(cli.run("attachment", "list", id));
    }

    @Test
    void jsonEscapesControlCharactersInsteadOfPrintingThem() {
        CommandResult result = cli.run("inquiry", "show", id, "--json");

        assertThat(result).succeeded();
        assertThat(result.out()).doesNotContain("\u001b", "\u0007", "\u202e", "\u0085");
        assertThat(result.out()).contains("\\u202e", "\\u0085", "Lekkasje");
        assertThat(result.json().get("title").asText()).isEqualTo(HOSTILE);
    }

    @Test
    void tablesFitTheColumnsTheTerminalHas() {
        cli.run("inquiry", "create", "--title", "En veldig lang tittel som ikke får plass i en smal terminal i det hele tatt");
        cli.env("COLUMNS", "80");

        CommandResult result = cli.run("inquiry", "list");

        assertThat(result).succeeded();
        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        assertThat(result.out()).contains("…");
    }
}
