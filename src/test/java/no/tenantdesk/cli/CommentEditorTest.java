package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** comment without -m or --file on a terminal: $VISUAL or $EDITOR, here shell scripts that write the file. */
class CommentEditorTest {

    @TempDir
    Path folder;

    Cli cli;

    String id;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        id = String.valueOf(cli.create("inquiry", "create", "--title", "Lekkasje"));
    }

    private Path editor(String name, String script) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private TerminalInteraction person(Map<String, String> variables) {
        Map<String, String> all = new java.util.HashMap<>(variables);
        all.put("XDG_CACHE_HOME", folder.resolve("cache").toString());
        return new TerminalInteraction(all, () -> {
            throw new AssertionError("the terminal was opened");
        });
    }

    private String comments() {
        return cli.run("inquiry", "show", id, "--json").json().get("comments").toString();
    }

    @Test
    void theTextWrittenInTheEditorIsStoredWithoutTheInstructions() throws IOException {
        // Writes above the template, as a person would, and keeps the '#' lines.
        Path editor = editor("editor", "{ printf 'Sjekket loftet\\nlinje to\\n'; cat \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"");

        CommandResult result = cli.runOnTerminal(person(Map.of("EDITOR", editor.toString())), "comment", id);

        assertThat(result).succeeded().printed("internal, not sent");
        assertThat(cli.run("inquiry", "show", id, "--json").json().at("/comments/0/body").asText())
                .isEqualTo("Sjekket loftet\nlinje to");
    }

    @Test
    void theTextWaitsInAPrivateFolderOfTheProgramsOwnThatGoesWithIt() throws IOException {
        Path editor = editor("editor", "printf 'Notat om Kari\\n' > \"$1\"; echo \"$1\" > \"$0.path\";"
                + " stat -c %a \"$(dirname \"$1\")\" > \"$0.mode\"");

        assertThat(cli.runOnTerminal(person(Map.of("EDITOR", editor.toString())), "comment", id)).succeeded();

        Path file = Path.of(Files.readString(folder.resolve("editor.path")).strip());
        assertThat(file.startsWith(folder.resolve("cache/tenantdesk/tmp"))).as(file.toString()).isTrue();
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
        assertThat(Files.readString(folder.resolve("editor.mode")).strip()).isEqualTo("700");
        assertThat(comments()).contains("Notat om Kari");
    }

    @Test
    void visualComesBeforeEditor() throws IOException {
        Path visual = editor("visual", "printf 'Fra VISUAL\\n' > \"$1\"");
        Path editor = editor("editor", "printf 'Fra EDITOR\\n' > \"$1\"");

        assertThat(cli.runOnTerminal(person(Map.of("VISUAL", visual.toString(), "EDITOR", editor.toString())),
                "comment", id)).succeeded();

        assertThat(comments()).contains("Fra VISUAL").doesNotContain("Fra EDITOR");
    }

    @Test
    void anUnchangedTemplateAbortsAndStoresNothing() throws IOException {
        Path editor = editor("editor", "true");

        CommandResult result = cli.runOnTerminal(person(Map.of("EDITOR", editor.toString())), "comment", id);

        assertThat(result).failedWith(2, "the text is empty: nothing stored");
        assertThat(comments()).isEqualTo("[]");
    }

    @Test
    void aFailingEditorStoresNothing() throws IOException {
        Path editor = editor("editor", "printf 'halvferdig' > \"$1\"; exit 1");

        assertThat(cli.runOnTerminal(person(Map.of("EDITOR", editor.toString())), "comment", id))
                .failedWith(2, "failed with exit code 1");
        assertThat(comments()).isEqualTo("[]");
    }

    @Test
    void withoutATerminalNoEditorOpensAndTheTextIsMissing() throws IOException {
        Path editor = editor("editor", "printf 'skulle ikke skje' > \"$1\"");

        CommandResult result = cli.runWith(person(Map.of("EDITOR", editor.toString())), false, "comment", id);

        assertThat(result).failedWith(2, "missing text: give -m TEXT, --file FILE");
        assertThat(comments()).isEqualTo("[]");
    }
}
