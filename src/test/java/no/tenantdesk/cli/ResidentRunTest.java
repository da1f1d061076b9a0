package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.tenantdesk.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs as the daemon makes them ({@link Main#runResident}): many threads, shared databases, the client's world. */
class ResidentRunTest {

    @TempDir
    Path folder;

    final Resources resources = Resources.concurrent();
    final Map<String, String> variables = new HashMap<>();

    record Run(OptionalInt status, String out, String err) {}

    ResidentRunTest() {
        variables.put("TENANTDESK_DB", "tenantdesk.db"); // relative: the client's folder, not the daemon's
        variables.put("TENANTDESK_USER", "operator");
        variables.put("HOME", "/nonexistent");
        variables.put("XDG_CONFIG_HOME", "/nonexistent/config");
    }

    Run run(boolean terminal, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(variables,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                terminal, Clock.systemUTC(), ZoneOffset.UTC, new ElsewhereInteraction(), folder);
        OptionalInt status = Main.runResident(environment, resources, new PrintWriter(out), new PrintWriter(err),
                args);
        return new Run(status, out.toString(), err.toString());
    }

    Run run(String... args) {
        return run(false, "", args);
    }

    long created(Run run) throws IOException {
        assertThat(run.status()).as(run.err()).hasValue(ExitCodes.OK);
        return new ObjectMapper().readTree(run.out()).get("id").asLong();
    }

    @Test
    void aCommandRunsInTheClientsFolderWithItsVariables() throws IOException {
        Files.writeString(folder.resolve("photo.txt"), "a leak, photographed");
        long id = created(run("inquiry", "create", "--title", "Lekkasje", "--tenant", "kari@example.no", "--json"));

        assertThat(run("attachment", "add", String.valueOf(id), "photo.txt").status()).hasValue(ExitCodes.OK);
        Files.delete(folder.resolve("photo.txt"));
        Run get = run("attachment", "get", "1");

        assertThat(get.status()).as(get.err()).hasValue(ExitCodes.OK);
        assertThat(folder.resolve("photo.txt")).hasContent("a leak, photographed");
        assertThat(folder.resolve("tenantdesk.db")).exists();
        assertThat(Path.of("tenantdesk.db")).doesNotExist();
    }

    @Test
    void exitCodesAndMessagesAreThoseOfAProcessOfItsOwn() {
        Run missing = run("inquiry", "show", "404");
        Run usage = run("inquiry", "lst");

        assertThat(missing.status()).hasValue(ExitCodes.NOT_FOUND);
        assertThat(missing.err()).isEqualTo("tenantdesk: inquiry 404 not found" + System.lineSeparator());
        assertThat(usage.status()).hasValue(ExitCodes.USAGE);
        assertThat(usage.err()).startsWith("tenantdesk: Unmatched argument");
    }

    @Test
    void standardInputIsTheClients() throws IOException {
        long id = created(run("inquiry", "create", "--title", "Kaldt", "--tenant", "kari@example.no", "--json"));

        assertThat(run(false, "Det er 15 grader på kontoret", "comment", String.valueOf(id), "-m", "-").status())
                .hasValue(ExitCodes.OK);

        assertThat(run("inquiry", "show", String.valueOf(id)).out()).contains("Det er 15 grader på kontoret");
    }

    @Test
    void fetchMailAndTheShellRunInAProcessOfTheirOwn() {
        for (String[] args : List.of(new String[] {"fetch-mail", "--source", "maildir:/nonexistent"},
                new String[] {"--as", "kari", "fetch-mail"}, new String[] {"shell"})) {
            Run run = run(args);
            assertThat(run.status()).as(String.join(" ", args)).isEmpty();
            assertThat(run.out() + run.err()).isEmpty();
        }
    }

    /** The client starts no daemon for these, and tells them by their names alone: the names of the commands. */
    @Test
    void theOwnProcessCommandsAreCommandsAndTheClientKnowsThemByName() {
        List<String> topLevel = TenantdeskCommand.COMMANDS.stream()
                .map(command -> command.getAnnotation(CommandLine.Command.class).name()).toList();
        assertThat(topLevel).containsAll(OwnProcess.commands());
        for (String name : OwnProcess.commands()) {
            assertThat(OwnProcess.named("--db", "x.db", name)).as(name).isTrue();
            assertThat(run(name, "--help").status()).as(name).isEmpty();
        }
        assertThat(OwnProcess.named("inquiry", "list", "--json")).isFalse();
    }

    @Test
    void aRunThatWouldPromptOrOpenAnEditorGoesBackToTheClientUndone() throws IOException {
        long id = created(run("inquiry", "create", "--title", "Heisen", "--tenant", "kari@example.no", "--json"));

        Run prompt = run(true, "", "inquiry", "create");
        Run editor = run(true, "", "comment", String.valueOf(id));

        assertThat(prompt.status()).isEmpty();
        assertThat(editor.status()).isEmpty();
        assertThat(prompt.out() + prompt.err() + editor.out() + editor.err()).isEmpty();
        assertThat(run("inquiry", "list", "--json").out()).contains("Heisen").doesNotContain("\"id\" : 2");
        assertThat(run("inquiry", "show", String.valueOf(id), "--json").out()).doesNotContain("\"kind\" : \"internal\"");
    }

    @Test
    void aRunWhoseClientHasGoneSavesNothing() {
        Thread.currentThread().interrupt();
        Run run;
        try {
            run = run("inquiry", "create", "--title", "Avbrutt", "--tenant", "kari@example.no");
        } finally {
            Thread.interrupted();
        }

        assertThat(run.status()).isPresent().isNotEqualTo(OptionalInt.of(ExitCodes.OK));
        assertThat(run("inquiry", "list", "--json").out()).doesNotContain("Avbrutt");
    }

    @Test
    void runsOnManyThreadsAtOnceShareTheDatabase() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Run>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String title = "Samtidig " + i;
                runs.add(threads.submit(() -> run("inquiry", "create", "--title", title, "--tenant",
                        "kari@example.no", "--json")));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Run> run : runs) {
                ids.add(created(run.get()));
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(16);
        } finally {
            threads.shutdownNow();
        }
        assertThat(run("inquiry", "list", "--json").out()).contains("Samtidig 15");
    }
}
