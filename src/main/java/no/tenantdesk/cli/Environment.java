package no.tenantdesk.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * What a run gets from the world outside its arguments: environment variables, standard input, the raw standard
 * output (for file bytes), whether a person sits at a terminal (and that person, to ask), the clock and time zone.
 * Tests hand in their own.
 */
public record Environment(
        Map<String, String> variables,
        InputStream stdin,
        OutputStream stdout,
        boolean terminal,
        Clock clock,
        ZoneId zone,
        Interaction interaction) {

    public Environment {
        variables = Map.copyOf(variables);
    }

    /** With the process's own terminal, asked only when {@code terminal} is true. */
    public Environment(Map<String, String> variables, InputStream stdin, OutputStream stdout, boolean terminal,
            Clock clock, ZoneId zone) {
        this(variables, stdin, stdout, terminal, clock, zone, TerminalInteraction.system(variables));
    }

    public static Environment system() {
        return new Environment(System.getenv(), System.in, System.out, System.console() != null, Clock.systemUTC(),
                ZoneId.systemDefault());
    }

    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
