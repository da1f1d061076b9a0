package no.tenantdesk.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.List;
import no.tenantdesk.config.Config;
import no.tenantdesk.config.DigestSettings;
import no.tenantdesk.service.Deadlines;
import no.tenantdesk.mail.in.MailSources;
import no.tenantdesk.service.AttachmentService;
import no.tenantdesk.service.BackupService;
import no.tenantdesk.service.ContactService;
import no.tenantdesk.service.DigestService;
import no.tenantdesk.service.DatabaseService;
import no.tenantdesk.service.ErasureService;
import no.tenantdesk.service.ExportService;
import no.tenantdesk.service.FetchService;
import no.tenantdesk.service.InquiryQueries;
import no.tenantdesk.service.InquiryService;
import no.tenantdesk.service.LocationService;
import no.tenantdesk.service.MailSettings;
import no.tenantdesk.service.MergeService;
import no.tenantdesk.service.ReportService;
import no.tenantdesk.service.OrganizationService;
import no.tenantdesk.service.OutboxService;
import no.tenantdesk.service.RuleService;
import no.tenantdesk.service.QuarantineService;
import no.tenantdesk.service.ReplyService;
import no.tenantdesk.service.RetentionService;
import no.tenantdesk.service.Scratch;
import no.tenantdesk.service.TaskNoticeService;
import no.tenantdesk.service.TaskService;
import no.tenantdesk.service.TemporaryFolder;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.DatabaseAddress;
import no.tenantdesk.triage.FreeMail;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The composition root of one run: it holds the environment and the global options, opens the database when a
 * command first needs it, and hands picocli the commands with their dependencies.
 */
final class App implements CommandLine.IFactory {

    private final Environment environment;
    private final Resources resources;
    private final GlobalOptions options;
    private final Settings settings;
    private final DatabaseChoice databaseChoice;
    private Config config;
    /** Where warnings go that belong to no one command, such as a database that others can read. */
    private PrintWriter err;

    App(Environment environment, Resources resources) {
        this(environment, resources, new GlobalOptions());
    }

    /** A run whose global options start as the given ones (the shell's) until its arguments say otherwise. */
    App(Environment environment, Resources resources, GlobalOptions defaults) {
        this.environment = environment;
        this.resources = resources;
        this.options = defaults.copy();
        this.settings = new Settings(environment, options, this::config);
        this.databaseChoice = new DatabaseChoice(environment, settings, this::config);
    }

    /** Every command: for help, man pages, completion and the shell. */
    CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configured(new CommandLine(TenantdeskCommand.class, this), TenantdeskCommand.COMMANDS, out, err);
    }

    /**
     * The commands needed to run these arguments: only the one they name (with its subcommands) when they clearly
     * name one, since building every command's model took picocli longer than listing inquiries; else all of them.
     */
    CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine root = new CommandLine(TenantdeskCommand.class, this);
        Class<?> named = TenantdeskCommand.named(root.getCommandSpec(), args);
        return configured(root, named == null ? TenantdeskCommand.COMMANDS : List.of(named), out, err);
    }

    private CommandLine configured(CommandLine commandLine, List<Class<?>> commands, PrintWriter out,
            PrintWriter err) {
        this.err = err;
        return CommandWiring.configured(commandLine, commands, out, err, options, environment);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == 1 && parameters[0] == App.class) {
                constructor.setAccessible(true);
                return type.cast(constructor.newInstance(this));
            }
        }
        return CommandLine.defaultFactory().create(type);
    }

    Environment environment() {
        return environment;
    }

    GlobalOptions options() {
        return options;
    }

    Resources resources() {
        return resources;
    }

    Output output(CommandSpec spec) {
        return new Output(spec.commandLine(), options, environment);
    }

    /** Who is recorded as having done something: --as, else $TENANTDESK_USER, else the login name. */
    String actor() {
        return settings.get(Settings.USER);
    }

    InquiryService inquiries() {
        return new InquiryService(database(), environment.clock(), deadlines());
    }

    InquiryQueries queries() {
        return new InquiryQueries(database(), environment.clock(), deadlines());
    }

    ReportService reports() {
        return new ReportService(database(), environment.clock().withZone(environment.zone()));
    }

    MergeService merges() {
        return new MergeService(database(), environment.clock(), deadlines());
    }

    TaskService tasks() {
        return new TaskService(database(), environment.clock());
    }

    ExportService exports() {
        return new ExportService(database(), environment.clock());
    }

    RetentionService retention() {
        return new RetentionService(database(), environment.clock());
    }

    /** The config's retention: how long the bytes of done inquiries are kept (for ever unless it says). */
    RetentionService.Policy retentionPolicy() {
        Config.Retention retention = config().retention();
        return new RetentionService.Policy(retention.rawMailPeriod().orElse(null),
                retention.filesPeriod().orElse(null));
    }

    ErasureService erasures() {
        return new ErasureService(database(), environment.clock());
    }

    ContactService contacts() {
        return new ContactService(database(), environment.clock());
    }

    LocationService locations() {
        return new LocationService(database(), environment.clock());
    }

    AttachmentService attachments() {
        return new AttachmentService(database(), environment.clock());
    }

    FetchService fetching() {
        return new FetchService(database(), environment.clock(), mailSettings(), scratch(), MailSources::open);
    }

    QuarantineService quarantine() {
        return new QuarantineService(database(), environment.clock(), mailSettings(), scratch());
    }

    /** A folder of this run's own in the program's scratch folder, private, removed when closed (or swept). */
    TemporaryFolder temporaryFolder(String prefix) {
        return scratch().folder(prefix);
    }

    private Scratch scratch() {
        return new Scratch(environment.scratchFolder(), environment.javaTemporaryFolder());
    }

    private MailSettings mailSettings() {
        return mail().mailSettings();
    }

    private MailWiring mail() {
        return new MailWiring(this, settings, environment);
    }

    /** The config's sla: (Norway's holidays are read on the first deadline counted, not here). */
    Deadlines deadlines() {
        return new Deadlines(config().sla().policy());
    }

    OrganizationService organizations() {
        return new OrganizationService(database(), environment.clock(),
                new FreeMail(config().mail().freeMailDomains()));
    }

    RuleService rules() {
        return new RuleService(database(), mailSettings(), scratch());
    }

    OutboxService outbox() {
        return new OutboxService(database(), environment.clock(), mail().transport(), scratch());
    }

    ReplyService replies() {
        return new ReplyService(database(), environment.clock(), mail().from(), outbox(), deadlines());
    }

    DigestService digests() {
        DigestSettings digest = config().digest();
        return new DigestService(database(), environment.clock(), config().sla().policy().zone(),
                new DigestService.Settings(digest.operators(), digest.tasksSubject(), digest.tasksTemplate(),
                        digest.operatorSubject(), digest.operatorTemplate()), deadlines(), mail().from(), outbox());
    }

    TaskNoticeService taskNotices() {
        return new TaskNoticeService(database(), environment.clock(), mail().from(), outbox());
    }

    /** OAuth 2.0 logins: only for a command whose config asks for one, so that no other loads its classes. */
    OAuthLogins oauth() {
        return new OAuthLogins(this);
    }

    Config config() {
        if (config == null) {
            String explicit = settings.get(Settings.CONFIG);
            config = explicit != null ? Config.load(environment.path(explicit), true)
                    : Config.load(environment.xdg("XDG_CONFIG_HOME", ".config").resolve("tenantdesk/tenantdesk.yaml"),
                            false);
        }
        return config;
    }

    BackupService backups() {
        return new BackupService(database(), busyTimeout());
    }

    DatabaseService databases() {
        return new DatabaseService(database());
    }

    private Database database() {
        return resources.database(databaseAddress(), busyTimeout(), this::warn);
    }

    /** This run's database: --db, else the variable, the config, the default file. */
    DatabaseAddress databaseAddress() {
        return databaseChoice.address();
    }

    /** Another database than the one of this run (db copy --to), its password found as for --db's. */
    Database database(String text, boolean onCommandLine) {
        return resources.database(databaseChoice.address(text, onCommandLine, null), busyTimeout(), this::warn);
    }

    private void warn(String line) {
        err.println("tenantdesk: warning: " + line);
    }

    private Duration busyTimeout() {
        return settings.get(Settings.BUSY_TIMEOUT);
    }
}
