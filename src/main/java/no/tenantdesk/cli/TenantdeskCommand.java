package no.tenantdesk.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
        name = "tenantdesk",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = TenantdeskCommand.Version.class,
        sortOptions = false,
        // No header: with scope INHERIT every subcommand would show it in place of its own description.
        description = {
            "The tenant-inquiry desk of a property manager, in a terminal.",
            "Inquiries from tenants with their comments, status, tasks, deviation reports",
            "and files; contacts and the places in the buildings; all in one SQLite file,",
            "or in one PostgreSQL database that several operators share.",
        },
        exitCodeListHeading = "%nExit codes:%n")
final class TenantdeskCommand implements Runnable {

    /**
     * The subcommands, in the order help lists them. Not in {@code @Command(subcommands)}: picocli would build every
     * command's model on each start, a third of the time to list ten inquiries; {@link App} adds all of them, or only
     * the one a run names.
     */
    static final List<Class<?>> COMMANDS = List.of(
            InquiryCommand.class,
            SearchCommand.class,
            CommentCommand.class,
            ReplyCommand.class,
            StatusCommand.class,
            TaskCommand.class,
            AttachmentCommand.class,
            ContactCommand.class,
            LocationCommand.class,
            OrgCommand.class,
            FetchMailCommand.class,
            RulesCommand.class,
            MailCommand.class,
            OutboxCommand.class,
            QuarantineCommand.class,
            ReportCommand.class,
            DigestCommand.class,
            DbCommand.class,
            ShellCommand.class);

    @Spec
    private CommandSpec spec;

    private final GlobalOptions options;

    TenantdeskCommand(App app) {
        this.options = app.options();
    }

    // Inherited options are copies bound to these setters: wherever the user writes one, it lands in GlobalOptions.
    // Their order (101…) puts them after each command's own options in its help.

    @Option(names = "--db", paramLabel = "PATH|URL", scope = ScopeType.INHERIT, order = 101,
            description = "The database: a file, or a postgresql://user@host/db URL (env TENANTDESK_DB).")
    void setDb(String db) {
        options.db = db;
    }

    @Option(names = "--config", paramLabel = "PATH", scope = ScopeType.INHERIT, order = 102,
            description = "The config file (env TENANTDESK_CONFIG).")
    void setConfig(String config) {
        options.config = config;
    }

    @Option(names = "--json", scope = ScopeType.INHERIT, order = 103,
            description = "Print one JSON value on stdout, for scripts.")
    void setJson(boolean json) {
        options.json = json;
    }

    @Option(names = "--as", paramLabel = "NAME", scope = ScopeType.INHERIT, order = 104,
            description = "Who is recorded as doing it (env TENANTDESK_USER).")
    void setActor(String actor) {
        options.actor = actor;
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, order = 105,
            description = "Print only data and errors.")
    void setQuiet(boolean quiet) {
        options.quiet = quiet;
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 106,
            description = "Show stack traces of errors.")
    void setVerbose(boolean verbose) {
        options.verbose = verbose;
    }

    @Option(names = "--no-color", scope = ScopeType.INHERIT, order = 107,
            description = "No colours (also env NO_COLOR).")
    void setNoColor(boolean noColor) {
        options.noColor = noColor;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TenantdeskCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tenantdesk " + (version == null ? "(development build)" : version)};
        }
    }

    /**
     * The command named by the first argument that is not a global option or its value. Null when there is none or
     * anything is unusual (help, an unknown option, the shell, whose completion needs every command): then all are
     * built and picocli has the last word, as ever.
     */
    static Class<?> named(CommandSpec root, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                for (Class<?> command : COMMANDS) {
                    if (command.getAnnotation(Command.class).name().equals(arg)) {
                        return command == ShellCommand.class ? null : command;
                    }
                }
                return null;
            }
            OptionSpec option = root.findOption(arg.split("=", 2)[0]);
            if (option == null || option.usageHelp() || option.versionHelp()) {
                return null;
            }
            if (option.arity().max() > 0 && !arg.contains("=")) {
                i++;
            }
        }
        return null;
    }
}
