package no.tenantdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import no.tenantdesk.domain.InvalidInputException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The person at a JLine terminal, with $VISUAL or $EDITOR (else vi) for longer texts. */
public class TerminalInteraction implements Interaction {

    private final Map<String, String> variables;
    private final Supplier<Terminal> opener;
    private Terminal terminal;

    public TerminalInteraction(Map<String, String> variables, Supplier<Terminal> opener) {
        this.variables = Map.copyOf(variables);
        this.opener = opener;
    }

    /** The process's own terminal; JLine is loaded only when a run first needs it. */
    static TerminalInteraction system(Map<String, String> variables) {
        return new TerminalInteraction(variables, () -> {
            try {
                // dumb(true): with no terminal (the shell reading a script from a pipe) JLine falls back to a plain
                // one quietly instead of logging a warning about it.
                return TerminalBuilder.builder().system(true).dumb(true).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Terminal terminal() {
        if (terminal == null) {
            terminal = opener.get();
        }
        return terminal;
    }

    @Override
    public String ask(String question, List<String> suggestions) {
        // A reader of its own: answers are not shell commands and stay out of the shell's history.
        LineReader reader = LineReaderBuilder.builder().terminal(terminal())
                .completer(new StringsCompleter(suggestions)).build();
        try {
            return reader.readLine(question + ": ").strip();
        } catch (UserInterruptException | EndOfFileException e) {
            throw new InvalidInputException("cancelled: nothing stored");
        }
    }

    @Override
    public String edit(String template) {
        String editor = variable("VISUAL") != null ? variable("VISUAL")
                : variable("EDITOR") != null ? variable("EDITOR") : "vi";
        // The text (a tenant's name, a note about them) and the editor's own swap files stay in a folder of this
        // run's own, private, which goes with them; one that a kill leaves is swept by the next fetch-mail.
        Environment environment = new Environment(variables, InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), false, Clock.systemUTC(), ZoneOffset.UTC, this);
        return environment.inTemporaryFolder("edit-", folder -> edit(editor, folder.resolve("tenantdesk.txt"),
                template));
    }

    private static String edit(String editor, Path file, String template) {
        try {
            Files.writeString(file, template, StandardCharsets.UTF_8);
            // As git runs it: through sh, so that EDITOR may hold arguments ("code --wait").
            int code = new ProcessBuilder("sh", "-c", editor + " \"$@\"", editor, file.toString())
                    .inheritIO().start().waitFor();
            if (code != 0) {
                throw new InvalidInputException("the editor (" + editor + ") failed with exit code " + code
                        + ": nothing stored");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException("cannot run the editor (" + editor + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("interrupted while waiting for the editor: nothing stored");
        }
    }

    private String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
