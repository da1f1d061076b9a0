package no.tenantdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs scripts/tenantdesk as a real process, from a folder that is not the project, in the C locale that cron
 * gives: what a user or a cron job actually gets.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("scripts/tenantdesk").toAbsolutePath();

    @TempDir
    Path home;

    Path database;

    record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeEach
    void setUp() {
        database = home.resolve("data/tenantdesk.db");
    }

    Run run(String... args) throws IOException, InterruptedException {
        return runWithInput(Path.of("/dev/null"), args);
    }

    Run runWithInput(Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("TENANTDESK_") || k.startsWith("XDG_") || k.equals("COLUMNS"));
        env.put("HOME", home.toString());
        // Its daemon in a folder of its own, which stops when the test's folder is removed.
        env.put("XDG_RUNTIME_DIR", home.toString());
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        env.put("TENANTDESK_DB", database.toString());
        env.put("TENANTDESK_USER", "ola");
        env.putAll(DaemonTestBase.NO_WARM_UP);
        Path out = home.resolve("stdout");
        Path err = home.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(stdin.toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not finish: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void createsTheDatabaseOnFirstUseAndReadsItBackAsJson() throws Exception {
        Run created = run("inquiry", "create", "--title", "Glatt på parkeringsplassen – mer strøing", "--json");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(Files.exists(database)).isTrue();
        long id = created.json().get("id").asLong();

        Run shown = run("--json", "inquiry", "show", String.valueOf(id));
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.json().get("title").asText()).isEqualTo("Glatt på parkeringsplassen – mer strøing");
        assertThat(shown.err()).isEmpty();
    }

    @Test
    void printsNorwegianLettersAsUtf8EvenInTheCLocale() throws Exception {
        assertThat(run("inquiry", "create", "--title", "For kaldt på kontoret, ærlig talt").exitCode()).isZero();

        Run listed = run("inquiry", "list");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("For kaldt på kontoret, ærlig talt");
    }

    @Test
    void unknownInquiryExitsThreeWithOneLineOnStderr() throws Exception {
        Run shown = run("inquiry", "show", "4711");

        assertThat(shown.exitCode()).isEqualTo(3);
        assertThat(shown.out()).isEmpty();
        assertThat(shown.err()).isEqualTo("tenantdesk: inquiry 4711 not found\n");
    }

    @Test
    void missingRequiredOptionExitsTwoWithoutWaitingForInput() throws Exception {
        Run created = run("inquiry", "create");

        assertThat(created.exitCode()).isEqualTo(2);
        assertThat(created.err()).contains("--title");
    }

    @Test
    void theShellRunsAScriptFromAPipeWithNothingOnStderr() throws Exception {
        Path script = Files.writeString(home.resolve("script"), "inquiry create --title 'Heisen står'\ninquiry list\n");

        Run shell = runWithInput(script, "shell");

        assertThat(shell.exitCode()).as(shell.err()).isZero();
        assertThat(shell.out()).contains("Created inquiry 1", "Heisen står");
        assertThat(shell.err()).isEmpty(); // no word from JLine about the missing terminal
    }

    @Test
    void versionNamesTheProgram() throws Exception {
        Run version = run("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("tenantdesk ");
    }
}
