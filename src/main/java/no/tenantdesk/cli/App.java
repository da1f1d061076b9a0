package no.tenantdesk.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tenantdesk.config.Config;
import no.tenantdesk.domain.ContactRole;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.ReportBy;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.TaskKind;
import no.tenantdesk.mail.BearerTokens;
import no.tenantdesk.mail.ServerAddress;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.mail.in.MailSources;
import no.tenantdesk.mail.out.OutgoingMail;
import no.tenantdesk.mail.out.Receipt;
import no.tenantdesk.mail.out.SmtpSender;
import no.tenantdesk.mail.out.SmtpSettings;
import no.tenantdesk.service.AttachmentService;
import no.tenantdesk.service.BackupService;
import no.tenantdesk.service.ContactService;
import no.tenantdesk.service.DatabaseService;
import no.tenantdesk.service.ErasureService;
import no.tenantdesk.service.ExportService;
import no.tenantdesk.service.FetchService;
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
import no.tenantdesk.service.Scratch;
import no.tenantdesk.service.TaskNoticeService;
import no.tenantdesk.service.TaskService;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.DatabaseAddress;
import no.tenantdesk.store.PgPass;
import no.tenantdesk.store.PostgresServer;
import no.tenantdesk.triage.FreeMail;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * The composition root of one run: it holds the environment and the global options, opens the database when a
 * command first needs it, and hands picocli the commands with their dependencies.
 */
final class App implements CommandLine.IFactory {

    private static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    private final Environment environment;
    private final Resources resources;
    private final GlobalOptions options;
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
        Class<?> named = named(root.getCommandSpec(), args);
        return configured(root, named == null ? TenantdeskCommand.COMMANDS : List.of(named), out, err);
    }

    private CommandLine configured(CommandLine commandLine, List<Class<?>> commands, PrintWriter out,
            PrintWriter err) {
        // First: picocli hands the settings below only to the subcommands already there.
        commands.forEach(commandLine::addSubcommand);
        commandLine.setOut(out);
        commandLine.setErr(err);
        this.err = err;
        ErrorHandler errors = new ErrorHandler(options);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.registerConverter(long.class, App::id);
        commandLine.registerConverter(Long.class, App::id);
        commandLine.registerConverter(LocalDate.class, this::date);
        // "-" is standard input or output, not a file in the user's folder.
        commandLine.registerConverter(Path.class,
                name -> name.equals("-") ? Environment.STANDARD_STREAM : environment.path(name));
        commandLine.registerConverter(Status.class, spelled(Status::parse));
        commandLine.registerConverter(Priority.class, spelled(Priority::parse));
        commandLine.registerConverter(Source.class, spelled(Source::parse));
        commandLine.registerConverter(ContactRole.class, spelled(ContactRole::parse));
        commandLine.registerConverter(TaskKind.class, spelled(TaskKind::parse));
        commandLine.registerConverter(ReportBy.class, spelled(ReportBy::parse));
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String line : ExitCodes.LIST) {
            int colon = line.indexOf(':');
            exitCodes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        applyToAll(commandLine, c -> c.getCommandSpec().usageMessage().exitCodeList(exitCodes));
        HelpSections.addRootSections(commandLine.getCommandSpec().usageMessage());
        return commandLine;
    }

    private static void applyToAll(CommandLine commandLine, java.util.function.Consumer<CommandLine> action) {
        action.accept(commandLine);
        commandLine.getSubcommands().values().forEach(sub -> applyToAll(sub, action));
    }

    /**
     * The command named by the first argument that is not a global option or its value. Null when there is none or
     * anything is unusual (help, an unknown option, the shell, whose completion needs every command): then all are
     * built and picocli has the last word, as ever.
     */
    private static Class<?> named(CommandSpec root, String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                for (Class<?> command : TenantdeskCommand.COMMANDS) {
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

    /** Ids as users copy them from mail subjects and tables: "12" or "#12". */
    private static long id(String text) {
        String digits = text.startsWith("#") ? text.substring(1) : text;
        if (!digits.matches("\\d{1,18}")) {
            throw new TypeConversionException("'" + text + "' is not an id (a whole number)");
        }
        return Long.parseLong(digits);
    }

    /** A due date: 2026-12-01, today, tomorrow, or a number of days or weeks from today (+3, +3d, +2w). */
    private LocalDate date(String text) {
        LocalDate today = LocalDate.now(environment.clock().withZone(environment.zone()));
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("today")) {
            return today;
        }
        if (wanted.equals("tomorrow")) {
            return today.plusDays(1);
        }
        Matcher relative = Pattern.compile("\\+(\\d{1,4})([dw]?)").matcher(wanted);
        if (relative.matches()) {
            int amount = Integer.parseInt(relative.group(1));
            return relative.group(2).equals("w") ? today.plusWeeks(amount) : today.plusDays(amount);
        }
        try {
            return LocalDate.parse(wanted);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException(
                    "'" + text + "' is not a date (give 2026-12-01, today, tomorrow, +3d or +2w)");
        }
    }

    private static <T> ITypeConverter<T> spelled(java.util.function.Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (InvalidInputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
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
        if (options.actor != null && !options.actor.isBlank()) {
            return options.actor.strip();
        }
        return environment.get("TENANTDESK_USER") != null ? environment.get("TENANTDESK_USER")
                : environment.loginName();
    }

    InquiryService inquiries() {
        return new InquiryService(database(), environment.clock());
    }

    ReportService reports() {
        return new ReportService(database(), environment.clock().withZone(environment.zone()));
    }

    MergeService merges() {
        return new MergeService(database(), environment.clock());
    }

    TaskService tasks() {
        return new TaskService(database(), environment.clock());
    }

    ExportService exports() {
        return new ExportService(database(), environment.clock());
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

    private Scratch scratch() {
        return new Scratch(environment.scratchFolder(), environment.javaTemporaryFolder());
    }

    private MailSettings mailSettings() {
        Config.Mail mail = config().mail();
        Set<String> own = new HashSet<>();
        mail.addresses().forEach(a -> own.add(a.strip().toLowerCase(Locale.ROOT)));
        OutgoingMail.Address from = from();
        MailSettings.Acknowledgement acknowledgement = null;
        if (from != null && transport() != null && mail.acknowledgement().enabled()) {
            own.add(from.email().toLowerCase(Locale.ROOT)); // our own receipts, bounced back, are our own mail
            acknowledgement = new MailSettings.Acknowledgement(new Receipt(from, mail.acknowledgement().subject(),
                    mail.acknowledgement().template()), mail.acknowledgement().intervalDuration());
        }
        return new MailSettings(mail.maxAttachmentBytes(), own, mail.reopenDone(), acknowledgement,
                new MailSettings.Triaging(config().rules(), mail.freeMailDomains(), mail.doneWords()));
    }

    OrganizationService organizations() {
        return new OrganizationService(database(), environment.clock(),
                new FreeMail(config().mail().freeMailDomains()));
    }

    RuleService rules() {
        return new RuleService(database(), mailSettings(), scratch());
    }

    OutboxService outbox() {
        return new OutboxService(database(), environment.clock(), transport(), scratch());
    }

    ReplyService replies() {
        return new ReplyService(database(), environment.clock(), from(), outbox());
    }

    TaskNoticeService taskNotices() {
        return new TaskNoticeService(database(), environment.clock(), from(), outbox());
    }

    /** The mail server: $TENANTDESK_SMTP_URL, else the config file's; null when neither names one. */
    private SmtpSender transport() {
        Config.Smtp smtp = config().mail().smtp();
        String url = environment.get("TENANTDESK_SMTP_URL") != null ? environment.get("TENANTDESK_SMTP_URL")
                : smtp == null ? null : smtp.url();
        if (url == null || url.isBlank()) {
            return null;
        }
        String password = environment.get("TENANTDESK_SMTP_PASSWORD");
        if (password == null && smtp != null && smtp.passwordFile() != null) {
            password = Passwords.read(environment.path(smtp.passwordFile()));
        }
        Tls tls = environment.get("TENANTDESK_SMTP_TLS") != null
                ? Tls.parse("TENANTDESK_SMTP_TLS", environment.get("TENANTDESK_SMTP_TLS"))
                : Tls.parse("mail: smtp: tls", smtp == null ? null : smtp.tls());
        if (smtp != null) {
            url = ServerAddress.withUser(ServerAddress.withoutPassword(url), url, smtp.user());
        }
        BearerTokens tokens = password == null && smtp != null && smtp.oauth2() != null
                ? oauth().tokens(OAuthLogins.SMTP, url, smtp.user(), smtp.oauth2())
                : null;
        // Shorter than the default: an operator waits for `reply`, and a queued message is tried again anyway.
        return new SmtpSender(SmtpSettings.parse(url, password, tokens).withTls(tls)
                .withTimeout(Duration.ofSeconds(20)));
    }

    /** Who our mail comes from: $TENANTDESK_MAIL_FROM, else the config file's "Name <address>"; null when unset. */
    private OutgoingMail.Address from() {
        String from = environment.get("TENANTDESK_MAIL_FROM") != null ? environment.get("TENANTDESK_MAIL_FROM")
                : config().mail().from();
        if (from == null || from.isBlank()) {
            return null;
        }
        Matcher named = Pattern.compile("(.*)<([^<>]+)>\\s*").matcher(from.strip());
        return named.matches() ? new OutgoingMail.Address(named.group(1).strip().replaceAll("^\"|\"$", ""),
                named.group(2).strip()) : OutgoingMail.Address.of(from.strip());
    }

    /** OAuth 2.0 logins: only for a command whose config asks for one, so that no other loads its classes. */
    OAuthLogins oauth() {
        return new OAuthLogins(this);
    }

    Config config() {
        if (config == null) {
            String explicit = options.config != null ? options.config : environment.get("TENANTDESK_CONFIG");
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

    /** Another database than the one of this run (db copy --to), its password found as for --db's. */
    Database database(String text, boolean onCommandLine) {
        return resources.database(address(text, onCommandLine, null), busyTimeout(), this::warn);
    }

    private void warn(String line) {
        err.println("tenantdesk: warning: " + line);
    }

    /**
     * --db, else $TENANTDESK_DB, else the config file's database, else the file in the XDG data folder. A server's
     * user is the URL's, else $PGUSER, else the login name; its password is found as psql finds it ({@link PgPass}),
     * and never taken from the command line, where other users see it.
     */
    DatabaseAddress databaseAddress() {
        if (options.db != null) {
            return address(options.db, true, null);
        }
        if (environment.get("TENANTDESK_DB") != null) {
            return address(environment.get("TENANTDESK_DB"), false, null);
        }
        // Only now the config: reading it loads Jackson, a tenth of a second that --db and TENANTDESK_DB do not pay.
        Config.DatabaseSetting setting = config().database();
        if (setting == null) {
            return new DatabaseAddress.SqliteFile(
                    environment.xdg("XDG_DATA_HOME", ".local/share").resolve("tenantdesk/tenantdesk.db"));
        }
        // The config's password file belongs to the config's database, not to one --db or TENANTDESK_DB names.
        return address(setting.url(), false, setting.passwordFile() == null ? null : home(setting.passwordFile()));
    }

    private DatabaseAddress address(String chosen, boolean onCommandLine, Path passwordFile) {
        DatabaseAddress address = DatabaseAddress.parse(chosen, environment::path);
        if (address instanceof DatabaseAddress.SqliteFile) {
            return address; // first: a SQLite command loads none of PostgreSQL's classes
        }
        PostgresServer server = (PostgresServer) address;
        if (onCommandLine && server.password() != null) {
            throw new InvalidInputException(PostgresServer.withoutPassword(chosen) + " holds a password, which any"
                    + " user of this machine could read on the command line; put it in ~/.pgpass (mode 600),"
                    + " PGPASSWORD or the config's database password-file");
        }
        if (server.user() == null) {
            server = server.withUser(environment.get("PGUSER") != null ? environment.get("PGUSER")
                    : environment.loginName());
        }
        Path pgPass = environment.get("PGPASSFILE") != null ? environment.path(environment.get("PGPASSFILE"))
                : home("~/.pgpass");
        return PgPass.fill(server, passwordFile, environment.get("PGPASSWORD"), pgPass);
    }

    /** A file name from the config or the environment; "~/" is the user's home folder, as in a shell. */
    private Path home(String name) {
        return name.startsWith("~/") ? environment.inHome(name.substring(2)) : environment.path(name);
    }

    private Duration busyTimeout() {
        String value = environment.get("TENANTDESK_BUSY_TIMEOUT");
        if (value == null) {
            return DEFAULT_BUSY_TIMEOUT;
        }
        if (!value.matches("\\d{1,9}")) {
            throw new InvalidInputException("TENANTDESK_BUSY_TIMEOUT must be milliseconds, not '" + value + "'");
        }
        return Duration.ofMillis(Long.parseLong(value));
    }

}
