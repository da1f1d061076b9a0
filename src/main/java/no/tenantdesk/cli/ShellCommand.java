package no.tenantdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import no.tenantdesk.files.PrivateFiles;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The operator's terminal: one line is one run of the program, with a new command tree, as from a shell; only the
 * opened database and the global options given to {@code shell} carry over from line to line.
 */
@Command(name = OwnProcess.SHELL, description = {
    "Work interactively: the same commands, with history and Tab completion of commands, options,",
    "statuses, inquiry and task ids, contacts and locations. exit, quit or Ctrl-D end the session."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk shell",
            "  tenantdesk shell --as 'Ola Operatør' --db /srv/tenantdesk/tenantdesk.db",
            "  tenantdesk> inquiry list --assignee none",
            "  tenantdesk> help inquiry create",
        })
final class ShellCommand implements Callable<Integer> {

    private static final String PROMPT = "tenantdesk> ";

    @Spec
    private CommandSpec spec;

    private final App app;

    ShellCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(app.environment().interaction().terminal())
                .appName("tenantdesk")
                .completer(new ShellCompleter(spec.root(), app))
                .variable(LineReader.HISTORY_FILE, history(err))
                // "Heisen står!" is text, not a history event to expand.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        while (true) {
            try {
                reader.readLine(PROMPT); // its words, as a shell splits them, are the parsed line's
            } catch (UserInterruptException e) {
                continue; // Ctrl-C: the line is dropped, the session goes on
            } catch (EndOfFileException e) {
                break; // Ctrl-D
            }
            List<String> words = new ArrayList<>(reader.getParsedLine().words());
            words.removeIf(String::isEmpty);
            if (words.isEmpty()) {
                continue;
            }
            String first = words.get(0);
            if (first.equals("exit") || first.equals("quit")) {
                break;
            }
            if (first.equals("help") && words.size() == 1) {
                help(out);
            } else if (first.equals("shell")) {
                err.println("tenantdesk: already in the shell");
            } else {
                if (first.equals("help")) {
                    words.remove(0);
                    words.add("--help");
                }
                Main.run(app.environment(), app.resources(), app.options(), out, err, words.toArray(String[]::new));
            }
            out.flush();
            err.flush();
        }
        saveHistory(reader, err);
        return ExitCodes.OK;
    }

    private void help(PrintWriter out) {
        out.println("Commands (Tab completes; 'help COMMAND' or 'COMMAND --help' tells more):");
        for (Map.Entry<String, CommandLine> command : spec.root().subcommands().entrySet()) {
            if (!command.getKey().equals("shell")) {
                String[] description = command.getValue().getCommandSpec().usageMessage().description();
                out.printf("  %-12s %s%n", command.getKey(), description.length > 0 ? description[0] : "");
            }
        }
        out.printf("  %-12s %s%n", "exit, quit", "End the session (also Ctrl-D).");
    }

    /**
     * $XDG_STATE_HOME/tenantdesk/history, the user's alone (what was typed names tenants, and JLine would create the
     * file with the umask's mode); without a folder for it the session goes on without history.
     */
    private Path history(PrintWriter err) {
        Path file = app.environment().xdg("XDG_STATE_HOME", ".local/state").resolve("tenantdesk/history");
        try {
            PrivateFiles.createFolders(file.getParent());
            PrivateFiles.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // a history from before: its mode is what the user left it
        } catch (IOException e) {
            err.println("tenantdesk: no history this session: cannot create " + file);
        }
        return file;
    }

    private static void saveHistory(LineReader reader, PrintWriter err) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            err.println("tenantdesk: cannot save the history: " + e.getMessage());
        }
    }
}
