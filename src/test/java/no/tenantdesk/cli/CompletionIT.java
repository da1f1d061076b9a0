package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bash completion the build wrote into completion/, run in a real bash as the shell would on TAB. */
class CompletionIT {

    static final Path SCRIPT = Path.of("completion/tenantdesk.bash").toAbsolutePath();

    @TempDir
    Path scratch;

    /** What bash offers for the line typed so far (ending in a space: a new word). */
    List<String> complete(String line) throws IOException, InterruptedException {
        String words = line.endsWith(" ") ? line + "''" : line;
        String script = "source \"$1\"\n"
                + "COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}\n"
                + "eval \"COMP_WORDS=(" + words + ")\"\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "_complete_tenantdesk tenantdesk \"${COMP_WORDS[COMP_CWORD]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Path out = scratch.resolve("out");
        Path err = scratch.resolve("err");
        Process process = new ProcessBuilder("bash", "-c", script, "complete", SCRIPT.toString(), line)
                .directory(scratch.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bash did not finish");
        }
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void offersTheCommands() throws Exception {
        assertThat(complete("tenantdesk ")).contains("inquiry", "comment", "status", "task", "attachment", "contact",
                "location");
        assertThat(complete("tenantdesk inquiry ")).contains("create", "list", "show", "update");
    }

    @Test
    void offersStatusValuesAsTyped() throws Exception {
        // the canonical words first, then the users' own (the seed's names and Norwegian)
        assertThat(complete("tenantdesk status 12 ")).containsExactly("todo", "in-progress", "done", "to-do", "pågår",
                "fullført");
        assertThat(complete("tenantdesk inquiry list --status ")).contains(
                "todo", "in-progress", "done", "open", "all", "pågår");
        assertThat(complete("tenantdesk inquiry list --status in")).containsExactly("in-progress");
    }

    @Test
    void offersTheOtherEnumValuesAsTyped() throws Exception {
        assertThat(complete("tenantdesk inquiry create --priority "))
                .containsExactly("low", "normal", "high", "urgent", "lav", "høy", "haster");
        assertThat(complete("tenantdesk inquiry create --source ")).contains("walk-in");
        assertThat(complete("tenantdesk task create 1 --kind ")).containsExactly("task", "deviation", "oppgave", "avvik");
        assertThat(complete("tenantdesk contact add --role ")).containsExactlyInAnyOrder("tenant", "staff",
                "contractor");
    }

    @Test
    void offersOptionsIncludingTheGlobalOnes() throws Exception {
        assertThat(complete("tenantdesk inquiry create --")).contains("--title", "--attach", "--db", "--json");
    }
}
