package no.tenantdesk.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

public final class Main {

    /**
     * Commands the daemon leaves to a process of their own: fetch-mail holds the fetch lock, which the
     * operating system gives per process, and its memory is for the mail it reads; the shell reads the terminal;
     * mail login waits minutes for a person, and the sign-in it gets is no business of the daemon's.
     * daemon.Client knows them by name, without loading picocli: ResidentRunTest holds the two together.
     */
    static final List<Class<?>> OWN_PROCESS = List.of(FetchMailCommand.class, ShellCommand.class,
            MailLoginCommand.class);

    private Main() {}

    public static void main(String... args) {
        // UTF-8 whatever the locale: Java 17 would otherwise print æøå as '?' under LANG=C, as cron has.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(Environment.system(), out, err, args));
    }

    public static int run(PrintWriter out, PrintWriter err, InputStream in, String... args) {
        Environment system = Environment.system();
        return run(new Environment(system.variables(), in, system.stdout(), false, system.clock(), system.zone()),
                out, err, args);
    }

    /** One run of the program: a new composition root and a new command tree, so nothing carries over. */
    public static int run(Environment environment, PrintWriter out, PrintWriter err, String... args) {
        return run(environment, new Resources(), new GlobalOptions(), out, err, args);
    }

    /**
     * One run inside the daemon, on one of its threads, with the databases it keeps open. Empty when these arguments
     * need a process of their own ({@link #OWN_PROCESS}, and a run that would prompt or open an editor): nothing has
     * been printed or stored then, and the client runs them itself.
     */
    public static OptionalInt runResident(Environment environment, Resources resources, PrintWriter out,
            PrintWriter err, String... args) {
        CommandLine commandLine = new App(environment, resources, new GlobalOptions()).commandLine(out, err, args);
        IExecutionStrategy runLast = new CommandLine.RunLast();
        // Decided on the parsed arguments, before the command runs.
        commandLine.setExecutionStrategy(parsed -> OWN_PROCESS.contains(leaf(parsed).getClass())
                ? ExitCodes.OWN_PROCESS : runLast.execute(parsed));
        int status = execute(commandLine, out, err, args);
        return status == ExitCodes.OWN_PROCESS ? OptionalInt.empty() : OptionalInt.of(status);
    }

    private static Object leaf(ParseResult parsed) {
        List<CommandLine> path = parsed.asCommandLineList();
        return path.get(path.size() - 1).getCommand();
    }

    /** One run that shares opened resources and default global options with other runs: the shell's lines. */
    static int run(Environment environment, Resources resources, GlobalOptions defaults, PrintWriter out,
            PrintWriter err, String... args) {
        return execute(new App(environment, resources, defaults).commandLine(out, err, args), out, err, args);
    }

    private static int execute(CommandLine commandLine, PrintWriter out, PrintWriter err, String... args) {
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
