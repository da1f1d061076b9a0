package no.tenantdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
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
        // No header: with scope INHERIT every subcommand would inherit it, and --help would list it as their summary.
        description = {
            "The tenant-inquiry desk of a property manager, in a terminal.",
            "Inquiries from tenants (by phone or e-mail), with comments, status, tasks and deviation reports,",
            "attachments, contacts and the locations of the buildings, in one SQLite file.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        subcommands = {
            InquiryCommand.class,
            CommentCommand.class,
            StatusCommand.class,
            TaskCommand.class,
            AttachmentCommand.class,
            ContactCommand.class,
            LocationCommand.class,
        })
final class TenantdeskCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    private final GlobalOptions options;

    TenantdeskCommand(App app) {
        this.options = app.options();
    }

    // Inherited options are copies bound to these setters: wherever the user writes one, it lands in GlobalOptions.

    @Option(names = "--db", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Database file (env TENANTDESK_DB; default ~/.local/share/tenantdesk/tenantdesk.db).")
    void setDb(String db) {
        options.db = db;
    }

    @Option(names = "--config", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Config file (env TENANTDESK_CONFIG; default ~/.config/tenantdesk/tenantdesk.yaml).")
    void setConfig(String config) {
        options.config = config;
    }

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print one JSON value on stdout, for scripts.")
    void setJson(boolean json) {
        options.json = json;
    }

    @Option(names = "--as", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Who is recorded as doing this (env TENANTDESK_USER; default the login name).")
    void setActor(String actor) {
        options.actor = actor;
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only data and errors.")
    void setQuiet(boolean quiet) {
        options.quiet = quiet;
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show stack traces of internal errors.")
    void setVerbose(boolean verbose) {
        options.verbose = verbose;
    }

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colours (also env NO_COLOR).")
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
}
