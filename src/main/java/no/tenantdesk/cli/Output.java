package no.tenantdesk.cli;

import java.io.PrintWriter;
import no.tenantdesk.render.DetailsText;
import no.tenantdesk.render.Formats;
import no.tenantdesk.render.Json;
import no.tenantdesk.render.Palette;
import no.tenantdesk.render.Table;
import picocli.CommandLine;

/** Where a command's results go: data to stdout (a table or one JSON value), messages to stderr. */
final class Output {

    private final CommandLine commandLine;
    private final GlobalOptions options;
    private final Environment environment;

    Output(CommandLine commandLine, GlobalOptions options, Environment environment) {
        this.commandLine = commandLine;
        this.options = options;
        this.environment = environment;
    }

    boolean json() {
        return options.json();
    }

    PrintWriter out() {
        return commandLine.getOut();
    }

    void json(Object value) {
        new Json().print(out(), value); // Jackson is loaded only by the runs that print JSON
    }

    /** The confirmation of a change, for people; -q silences it, --json replaces it. */
    void done(String message) {
        if (!options.quiet()) {
            out().println(message);
        }
    }

    /** A remark beside the data (a count, a hint): stderr, so that pipes get only the data. */
    void note(String message) {
        if (!options.quiet()) {
            commandLine.getErr().println(message);
        }
    }

    /**
     * Under a list cut at --limit: how many there are in all. On stderr, so that scripts reading JSON hear of it too;
     * nothing when the list is whole.
     */
    void cut(int shown, long total) {
        if (total > shown) {
            note("Showing " + shown + " of " + total + "; use --limit to see more.");
        }
    }

    /** Whether a person reads it: bars and colours are for them, not for a pipe. */
    boolean terminal() {
        return environment.terminal();
    }

    void table(Table table) {
        table.print(out(), width());
    }

    Formats formats() {
        return new Formats(environment.zone(), environment.clock().instant());
    }

    /** Colours only for a person at a terminal that can show them, and who has not said no. */
    Palette palette() {
        boolean enabled = environment.terminal() && !options.noColor && environment.get("NO_COLOR") == null
                && !"dumb".equals(environment.get("TERM"));
        return new Palette(enabled);
    }

    DetailsText details() {
        return new DetailsText(formats(), palette());
    }

    /** $COLUMNS (the launcher sets it from the terminal), 80 on a terminal that did not say, else no limit. */
    int width() {
        String columns = environment.get("COLUMNS");
        if (columns != null && columns.matches("\\d{1,4}") && Integer.parseInt(columns) >= 20) {
            return Integer.parseInt(columns);
        }
        return environment.terminal() ? 80 : Integer.MAX_VALUE;
    }
}
