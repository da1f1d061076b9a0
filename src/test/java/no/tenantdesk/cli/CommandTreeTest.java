package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.ScriptedInteraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A run builds only the command its arguments name, and that command is the same as in the whole tree. */
class CommandTreeTest {

    @TempDir
    Path folder;

    private App app() {
        return new App(new Cli(folder).environment(new ScriptedInteraction(), false), new Resources());
    }

    private static PrintWriter sink() {
        return new PrintWriter(new StringWriter());
    }

    private List<String> built(String... args) {
        return List.copyOf(app().commandLine(sink(), sink(), args).getSubcommands().keySet());
    }

    private List<String> everyCommand() {
        return List.copyOf(app().commandLine(sink(), sink()).getSubcommands().keySet());
    }

    @Test
    void aRunBuildsOnlyTheCommandItNamesAfterAnyGlobalOptions() {
        assertThat(built("inquiry", "list", "--limit", "50")).containsExactly("inquiry");
        assertThat(built("--db", "inquiry", "--as=ola", "-q", "--json", "status", "12", "done"))
                .containsExactly("status");
    }

    @Test
    void helpTyposUnknownOptionsAndTheShellGetEveryCommand() {
        List<String> all = everyCommand();
        assertThat(all).hasSize(TenantdeskCommand.COMMANDS.size()).startsWith("inquiry", "search");

        assertThat(built()).isEqualTo(all);
        assertThat(built("--help")).isEqualTo(all);
        assertThat(built("-V")).isEqualTo(all);
        assertThat(built("inqury", "list")).isEqualTo(all);
        assertThat(built("-qv", "inquiry", "list")).isEqualTo(all);
        assertThat(built("--", "inquiry")).isEqualTo(all);
        assertThat(built("shell")).isEqualTo(all);
    }

    @Test
    void everyCommandBuiltAloneHasTheHelpItHasInTheWholeTree() {
        List<CommandLine> commands = new ArrayList<>();
        ManPage.collect(app().commandLine(sink(), sink()), commands);
        assertThat(commands).hasSizeGreaterThan(30);

        for (CommandLine whole : commands) {
            List<String> path = new ArrayList<>();
            for (CommandLine c = whole; c.getParent() != null; c = c.getParent()) {
                path.add(0, c.getCommandName());
            }
            if (path.isEmpty()) {
                continue;
            }
            CommandLine alone = app().commandLine(sink(), sink(), path.toArray(String[]::new));
            for (String name : path) {
                alone = alone.getSubcommands().get(name);
            }
            assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(String.join(" ", path))
                    .isEqualTo(whole.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
    }
}
