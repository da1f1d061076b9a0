package no.tenantdesk.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

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

    /** One run that shares opened resources and default global options with other runs: the shell's lines. */
    static int run(Environment environment, Resources resources, GlobalOptions defaults, PrintWriter out,
            PrintWriter err, String... args) {
        try {
            return new App(environment, resources, defaults).commandLine(out, err, args).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
