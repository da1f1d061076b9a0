package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.ScriptedInteraction;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCompleterTest {

    @TempDir
    Path folder;

    ShellCompleter completer;

    LineReader reader;

    @BeforeEach
    void setUp() throws IOException {
        Cli cli = new Cli(folder);
        cli.create("location", "add", "Bygg A/2. etasje/Kontor 204");
        cli.create("contact", "add", "--name", "Kari Nordmann", "--email", "kari@example.no");
        cli.run("org", "add", "Kafé Solsiden AS", "--domain", "solsiden.no");
        long inquiry = cli.create("inquiry", "create", "--title", "Lekkasje i taket");
        cli.create("task", "create", String.valueOf(inquiry), "--title", "Tett taket");
        App app = new App(cli.environment(new ScriptedInteraction(), true), new Resources());
        completer = new ShellCompleter(app.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).getCommandSpec(), app);
        Terminal terminal = TerminalBuilder.builder().system(false).type(Terminal.TYPE_DUMB)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build();
        reader = LineReaderBuilder.builder().terminal(terminal).build();
    }

    /** The candidates offered with the cursor at the end of the typed text. */
    private List<Candidate> candidates(String typed) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, new DefaultParser().parse(typed, typed.length(), ParseContext.COMPLETE),
                candidates);
        return candidates;
    }

    private List<String> values(String typed) {
        return candidates(typed).stream().map(Candidate::value).toList();
    }

    @Test
    void commandsAndSubcommands() {
        assertThat(values("")).contains("inquiry", "comment", "status", "task", "location", "help", "exit")
                .doesNotContain("shell");
        assertThat(values("inquiry ")).containsExactlyInAnyOrder("create", "list", "show", "update", "merge");
    }

    @Test
    void optionsOfTheCommandIncludingTheGlobalOnes() {
        assertThat(values("inquiry list --")).contains("--status", "--tenant", "--location", "--json", "--db")
                .doesNotContain("--title");
    }

    @Test
    void enumValuesAsTheCommandLineSpellsThem() {
        assertThat(values("inquiry create --priority ")).containsExactly("low", "normal", "high", "urgent", "lav", "høy",
                "haster");
        assertThat(values("status 1 ")).containsExactly("todo", "in-progress", "done", "to-do", "pågår",
                "fullført");
        assertThat(values("inquiry list --status ")).contains("in-progress", "open", "all");
        assertThat(values("task create 1 --kind ")).containsExactly("task", "deviation", "oppgave", "avvik");
        assertThat(values("contact add --role ")).contains("tenant", "staff", "contractor");
        assertThat(values("inquiry create --source ")).contains("phone", "walk-in");
    }

    @Test
    void inquiryIdsWithTheirTitles() {
        assertThat(candidates("inquiry show ")).anySatisfy(c -> {
            assertThat(c.value()).isEqualTo("1");
            assertThat(c.descr()).isEqualTo("Lekkasje i taket");
        });
        assertThat(values("comment ")).contains("1");
    }

    @Test
    void contactsForWho() {
        assertThat(values("inquiry create --tenant ")).contains("Kari Nordmann", "kari@example.no");
        assertThat(values("contact show ")).contains("Kari Nordmann", "kari@example.no");
        assertThat(values("location update X --responsible ")).contains("kari@example.no");
    }

    @Test
    void locationPaths() {
        assertThat(values("inquiry list --location ")).contains("Bygg A/2. etasje/Kontor 204", "Bygg A");
        assertThat(values("location update ")).contains("Bygg A/2. etasje");
    }

    @Test
    void organizationsForOrg() {
        assertThat(values("inquiry list --org ")).containsExactly("Kafé Solsiden AS");
        assertThat(values("contact add --name Nils --org ")).containsExactly("Kafé Solsiden AS");
        assertThat(values("org show ")).containsExactly("Kafé Solsiden AS");
    }

    @Test
    void taskIds() {
        assertThat(candidates("task show ")).anySatisfy(c -> {
            assertThat(c.value()).isEqualTo("1");
            assertThat(c.descr()).isEqualTo("Tett taket");
        });
    }

    @Test
    void optionValuesAreNotMistakenForCommands() {
        assertThat(values("inquiry create --title inquiry --priority ")).contains("urgent");
        assertThat(values("inquiry create --title ")).isEmpty();
    }
}
