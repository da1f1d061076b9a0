package no.tenantdesk.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import no.tenantdesk.service.Scratch;
import no.tenantdesk.service.TemporaryFolder;

/**
 * What a run gets from the world outside its arguments: environment variables, standard input, the raw standard
 * output (for file bytes), whether a person sits at a terminal (and that person, to ask), the clock and time zone,
 * and the folder that relative file names are relative to. Tests and the daemon hand in their own.
 *
 * <p>The one door to the process's own world: a command reads variables, its folder, its home and its user's name
 * here, never from System, since in the daemon the JVM's own are not the client's (DaemonRulesTest checks it).
 *
 * @param workingDirectory null for this process's own, which the operating system applies anyway; the daemon gives
 *     its client's, since one process serves commands typed in many folders
 */
public record Environment(
        Map<String, String> variables,
        InputStream stdin,
        OutputStream stdout,
        boolean terminal,
        Clock clock,
        ZoneId zone,
        Interaction interaction,
        Path workingDirectory) {

    /** "-": standard input or output, where a file name may be given. */
    public static final Path STANDARD_STREAM = Path.of("-");

    public Environment {
        variables = Map.copyOf(variables);
    }

    public Environment(Map<String, String> variables, InputStream stdin, OutputStream stdout, boolean terminal,
            Clock clock, ZoneId zone, Interaction interaction) {
        this(variables, stdin, stdout, terminal, clock, zone, interaction, null);
    }

    /** With the process's own terminal, asked only when {@code terminal} is true. */
    public Environment(Map<String, String> variables, InputStream stdin, OutputStream stdout, boolean terminal,
            Clock clock, ZoneId zone) {
        this(variables, stdin, stdout, terminal, clock, zone, TerminalInteraction.system(variables));
    }

    // Null is no terminal on the Java 17 the build targets and on 25, the launcher's other; only 22 said otherwise.
    @SuppressWarnings("SystemConsoleNull")
    public static Environment system() {
        return new Environment(System.getenv(), System.in, System.out, System.console() != null, Clock.systemUTC(),
                ZoneId.systemDefault());
    }

    /** A file name as the user gave it (an option, a variable, the config file), relative to their folder. */
    public Path path(String name) {
        return workingDirectory == null ? Path.of(name) : workingDirectory.resolve(name);
    }

    /**
     * $XDG_…_HOME when it is an absolute path, else the fallback under the home folder ($HOME). Without $HOME, the
     * JVM's user's home: in the daemon too, since the daemon serves its own user only (SO_PEERCRED).
     */
    public Path xdg(String variable, String fallback) {
        String base = get(variable);
        if (base != null && base.startsWith("/")) {
            return Path.of(base);
        }
        return inHome(fallback);
    }

    /** A file in the user's home folder ($HOME, else the JVM's idea of it). */
    public Path inHome(String relative) {
        return Path.of(get("HOME") != null ? get("HOME") : System.getProperty("user.home")).resolve(relative);
    }

    /** $USER, else $LOGNAME, else the JVM's user's name: the same user in the daemon, which serves no other. */
    public String loginName() {
        for (String variable : new String[] {"USER", "LOGNAME"}) {
            if (get(variable) != null) {
                return get(variable);
            }
        }
        return System.getProperty("user.name", "unknown");
    }

    /**
     * The program's own folder for the temporary files of a run: on disk under the cache folder, not in the runtime
     * folder (a tmpfs in memory, too small for a spool of large mails), and not in the shared /tmp.
     */
    public Path scratchFolder() {
        return xdg("XDG_CACHE_HOME", ".cache").resolve("tenantdesk/tmp");
    }

    /**
     * Runs {@code work} with a new folder of its own in the scratch folder: private (0700), locked while it runs,
     * removed with everything in it afterwards; one that a killed process leaves is swept by the next fetch-mail.
     */
    public <T> T inTemporaryFolder(String prefix, Function<Path, T> work) {
        try (TemporaryFolder folder = new Scratch(scratchFolder(), null).folder(prefix)) {
            return work.apply(folder.path());
        }
    }

    /** Where Java makes temporary files by default, and where versions before the scratch folder left theirs. */
    public Path javaTemporaryFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
