package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell driven through a JLine terminal on streams: typed lines in, stdout and stderr captured. */
class ShellCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).env("XDG_STATE_HOME", folder.resolve("state").toString());
    }

    /** One session: the typed text, then the end of input (Ctrl-D). */
    private CommandResult session(String typed, String... args) {
        return sessionOn(Terminal.TYPE_DUMB, typed, args);
    }

    /** On a terminal of the given type: a dumb one reads plain lines, an ANSI one has the key bindings too. */
    private CommandResult sessionOn(String type, String typed, String... args) {
        Terminal terminal;
        try {
            terminal = new DumbTerminal("test", type,
                    new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] withShell = new String[args.length + 1];
        System.arraycopy(args, 0, withShell, 0, args.length);
        withShell[args.length] = "shell";
        return cli.runOnTerminal(new TerminalInteraction(Map.of(), () -> terminal), withShell);
    }

    @Test
    void aLineRunsTheCommandWithShellQuoting() {
        CommandResult result = session("location add 'Bygg A/2. etasje'\n"
                + "inquiry create --title \"Lekkasje i taket\" --location \"Bygg A/2. etasje\"\nexit\n");

        assertThat(result).succeeded().printed("Added location Bygg A/2. etasje", "Created inquiry 1: Lekkasje i taket");
        assertThat(cli.run("inquiry", "show", "1", "--json").json().at("/location/path").asText())
                .isEqualTo("Bygg A/2. etasje");
    }

    @Test
    void anErrorIsShownAndTheNextLineWorks() {
        CommandResult result = session("inquiry show 99\nstatus 1 nearly\ninquiry create --title Heisen\nquit\n");

        assertThat(result).succeeded().printed("Created inquiry 1: Heisen");
        assertThat(result.err()).contains("tenantdesk: inquiry 99 not found").contains("unknown status 'nearly'");
        assertThat(result.err().lines().filter(line -> line.contains("inquiry 99"))).hasSize(1);
    }

    @Test
    void everyLineGetsTheShellsGlobalOptionsUnlessItSaysOtherwise() {
        CommandResult result = session("inquiry create --title Første\ninquiry create --title Andre --as Per\n"
                + "inquiry create --title Tredje\n", "--json", "--as", "Lise");

        assertThat(result).succeeded();
        assertThat(result.out()).contains("\"title\" : \"Første\"").contains("\"title\" : \"Tredje\"");
        assertThat(actorOf(1)).isEqualTo("Lise");
        assertThat(actorOf(2)).isEqualTo("Per");
        assertThat(actorOf(3)).isEqualTo("Lise");
    }

    private String actorOf(long id) {
        return cli.run("inquiry", "show", String.valueOf(id), "--json").json().at("/events/0/actor").asText();
    }

    @Test
    void aLineMayChooseAnotherDatabase() {
        Path other = folder.resolve("other.db");

        assertThat(session("--db " + other + " inquiry create --title Annet\ninquiry create --title Her\n"))
                .succeeded();

        assertThat(cli.run("inquiry", "list", "--json").json()).extracting(i -> i.get("title").asText())
                .containsExactly("Her");
        assertThat(cli.run("inquiry", "list", "--json", "--db", other.toString()).json())
                .extracting(i -> i.get("title").asText()).containsExactly("Annet");
    }

    @Test
    void historyIsWrittenAndTheNextSessionReadsItBack() throws IOException {
        session("inquiry create --title \"Ødelagt lås\"\n");
        Path history = folder.resolve("state/tenantdesk/history");
        assertThat(Files.readString(history)).contains("inquiry create --title \"Ødelagt lås\"");

        // Ctrl-P (previous-history), then Enter: the new session runs the last line of the one before.
        CommandResult again = sessionOn("ansi", "\u0010\n");

        assertThat(again).succeeded().printed("Created inquiry 2: Ødelagt lås");
    }

    @Test
    void helpListsTheCommands() {
        CommandResult result = session("help\n");

        assertThat(result).succeeded().printed("inquiry", "comment", "location", "exit, quit");
    }

    @Test
    void helpForACommandIsItsUsage() {
        assertThat(session("help inquiry create\n")).succeeded().printed("Usage: tenantdesk inquiry create");
    }

    @Test
    void theShellDoesNotStartItself() {
        assertThat(session("shell\n").err()).contains("already in the shell");
    }
}
