package no.tenantdesk.cli;

import static no.tenantdesk.testing.Events.changes;
import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GlobalOptionsTest {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        cli.create("location", "add", "Bygg A/Kontor 204");
        cli.create("contact", "add", "--name", "Per Vaktmester", "--email", "per@drift.no", "--role", "staff");
        long inquiry = cli.create("inquiry", "create", "--title", "Lekkasje", "--location", "Kontor 204");
        cli.run("comment", String.valueOf(inquiry), "-m", "Sjekket", "--attach", cli.file("tak.jpg", "x").toString());
        cli.create("task", "create", String.valueOf(inquiry), "--title", "Tett", "--assignee", "Per");
    }

    @Test
    void jsonIsAcceptedBeforeOrAfterTheSubcommand() {
        CommandResult before = cli.run("--json", "inquiry", "list");
        CommandResult after = cli.run("inquiry", "list", "--json");

        assertThat(before).succeeded();
        assertThat(before.json()).isEqualTo(after.json());
        assertThat(before.json().get(0).get("title").asText()).isEqualTo("Lekkasje");
    }

    @Test
    void asIsAcceptedBeforeTheCommandToo() {
        cli.run("--as", "Lise", "status", "1", "done");

        assertThat(changes(cli.run("inquiry", "show", "1", "--json").json()).at("/1/actor").asText()).isEqualTo("Lise");
    }

    @Test
    void dbOptionChoosesTheFile() {
        Path other = folder.resolve("other.db");

        assertThat(cli.run("--db", other.toString(), "inquiry", "list", "--status", "all", "--json").json()).isEmpty();
        assertThat(cli.run("inquiry", "list", "--db", other.toString(), "--json").json()).isEmpty();
        assertThat(cli.run("inquiry", "list", "--json").json()).hasSize(1);
    }

    @Test
    void quietSilencesConfirmationsButNotDataOrErrors() {
        assertThat(cli.run("-q", "status", "1", "in-progress")).succeeded().stderrIsEmpty();
        assertThat(cli.run("-q", "status", "1", "in-progress").out()).isEmpty();
        assertThat(cli.run("contact", "add", "--name", "Ola", "-q").out()).isEmpty();

        assertThat(cli.run("-q", "inquiry", "list")).succeeded().printed("Lekkasje");
        assertThat(cli.run("-q", "inquiry", "show", "99")).failedWith(3, "inquiry 99 not found");
    }

    static Stream<List<String>> everyCommandWithJson() {
        return Stream.of(
                List.of("inquiry", "create", "--title", "Ny"),
                List.of("inquiry", "list"),
                List.of("inquiry", "list", "--status", "done"),
                List.of("inquiry", "show", "1"),
                List.of("inquiry", "update", "1", "--priority", "high"),
                List.of("comment", "1", "-m", "Hei"),
                List.of("status", "1", "in-progress"),
                List.of("status", "1", "todo"),
                List.of("task", "create", "1", "--title", "Mer"),
                List.of("task", "list"),
                List.of("task", "show", "1"),
                List.of("task", "status", "1", "done", "--note", "Ferdig"),
                List.of("attachment", "list", "1"),
                List.of("attachment", "get", "1", "-o", "copy.jpg"),
                List.of("contact", "add", "--name", "Ola"),
                List.of("contact", "list"),
                List.of("contact", "show", "Per"),
                List.of("location", "add", "Bygg B"),
                List.of("location", "list"),
                List.of("location", "update", "Bygg A", "--responsible", "Per"));
    }

    @ParameterizedTest
    @MethodSource("everyCommandWithJson")
    void everyCommandsJsonIsExactlyOneParseableValueWithNothingOnStderr(List<String> command) {
        String[] args = Stream.concat(command.stream(), Stream.of("--json"))
                .map(arg -> arg.equals("copy.jpg") ? folder.resolve(arg).toString() : arg)
                .toArray(String[]::new);

        CommandResult result = cli.run(args);

        assertThat(result).succeeded().stderrIsEmpty();
        assertThat(result.json()).isNotNull(); // throws unless stdout is one JSON value and nothing more
    }

    @Test
    void errorsNeverPrintOnStdout() {
        assertThat(cli.run("inquiry", "show", "99", "--json")).failedWith(3, "inquiry 99 not found");
        assertThat(cli.run("inquiry", "list", "--json", "--priority", "extreme")).failedWith(2, "extreme");
        assertThat(cli.run("inquiry", "frobnicate")).exitedWith(2);
        assertThat(cli.run("inquiry", "frobnicate").out()).isEmpty();
        assertThat(cli.run("attachment", "get", "1", "-o", "-", "--json")).failedWith(2, "cannot go with --json");
    }

    @Test
    void aCommandWithoutSubcommandIsAUsageError() {
        CommandResult result = cli.run("inquiry");

        assertThat(result).failedWith(2, "missing subcommand: create, list, show, update");
    }

    @Test
    void idsMayBeWrittenWithAHash() {
        assertThat(cli.run("inquiry", "show", "#1")).succeeded().printed("Inquiry 1: Lekkasje");
        assertThat(cli.run("inquiry", "show", "one")).failedWith(2, "'one' is not an id");
    }

    @Test
    void versionPrintsTheProgramsName() {
        CommandResult result = cli.run("--version");

        assertThat(result).succeeded().printed("tenantdesk ");
        assertThat(result.out().lines()).hasSize(1);
    }

    @Test
    void helpListsTheExitCodes() {
        CommandResult result = cli.run("--help");

        assertThat(result).succeeded().printed("Exit codes:", "0    ok", "1    failure", "2    invalid usage or input",
                "3    not found", "4    partly done", "75   temporary failure");
    }

    @Test
    void helpSummarisesEachCommandInItsOwnWords() {
        CommandResult result = cli.run("--help");

        assertThat(result).succeeded().printed("inquiry     Create, list, read and change inquiries.",
                "contact     Tenants, staff and contractors.");
    }

    @Test
    void subcommandHelpListsTheExitCodesToo() {
        assertThat(cli.run("inquiry", "list", "--help")).succeeded().printed("Exit codes:", "75");
    }

    @Test
    void anInternalErrorIsOneLineWithoutVerbose() {
        CommandResult result = runWithBrokenStdin("comment", "1", "-m", "-");

        assertThat(result).exitedWith(1);
        assertThat(result.err().lines()).containsExactly(
                "tenantdesk: internal error: java.lang.IllegalStateException: stdin broke (run with -v for details)");
    }

    @Test
    void verboseShowsTheStackTraceOfAnInternalError() {
        CommandResult result = runWithBrokenStdin("-v", "comment", "1", "-m", "-");

        assertThat(result).exitedWith(1);
        assertThat(result.err()).startsWith("tenantdesk: internal error: java.lang.IllegalStateException: stdin broke")
                .contains("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void verboseKeepsAUsersMistakeToOneLine() {
        assertThat(cli.run("-v", "inquiry", "show", "99")).failedWith(3, "inquiry 99 not found");
        assertThat(cli.run("-v", "inquiry", "show", "99").err().lines()).hasSize(1);
    }

    /** A run whose standard input fails as no user could make it fail: what a bug looks like from outside. */
    private CommandResult runWithBrokenStdin(String... args) {
        InputStream broken = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("stdin broke");
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Environment environment = new Environment(Map.of("TENANTDESK_DB", cli.database().toString(),
                "TENANTDESK_USER", "operator", "HOME", folder.toString()), broken, raw, false, Clock.systemUTC(),
                ZoneOffset.UTC);
        int code = Main.run(environment, new PrintWriter(out), new PrintWriter(err), args);
        return new CommandResult(code, out.toString(), err.toString(), raw.toByteArray());
    }
}
