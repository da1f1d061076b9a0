package no.tenantdesk.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;

public final class Main {

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
     * need a process of their own ({@link OwnProcess}, and a run that would prompt or open an editor): nothing has
     * been printed or stored then, and the client runs them itself.
     */
    public static OptionalInt runResident(Environment environment, Resources resources, PrintWriter out,
            PrintWriter err, String... args) {
        CommandLine commandLine = new App(environment, resources, new GlobalOptions()).commandLine(out, err, args);
        IExecutionStrategy runLast = new CommandLine.RunLast();
        // Decided on the parsed arguments, before the command runs.
        commandLine.setExecutionStrategy(parsed -> parsed.hasSubcommand()
                && OwnProcess.is(parsed.subcommand().commandSpec().name())
                ? ExitCodes.OWN_PROCESS : runLast.execute(parsed));
        int status = execute(commandLine, out, err, args);
        return status == ExitCodes.OWN_PROCESS ? OptionalInt.empty() : OptionalInt.of(status);
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
