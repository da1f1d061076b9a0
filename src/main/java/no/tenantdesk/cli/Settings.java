package no.tenantdesk.cli;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import no.tenantdesk.cli.HelpSection.Block;
import no.tenantdesk.cli.HelpSection.Term;
import no.tenantdesk.config.Config;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.Tls;

/**
 * Every setting a user gives by environment variable, declared once: its variable, the global option and config key
 * that may give it too, its default, how its text is read, and what it means. A run resolves them here, in one order
 * (option, variable, config file, default); tenantdesk(1)'s and --help's Environment section is written from this
 * table, and EnvironmentDocsTest checks the README and the code's other variables against it.
 */
final class Settings {

    /** Where a value came from: the rules of some settings depend on it (no password on the command line). */
    enum Origin { OPTION, VARIABLE, CONFIG, DEFAULT }

    /** The value of a setting and where it came from. */
    record Value<T>(T value, Origin origin) {}

    /**
     * One setting. Null option and config mean none gives it; a null default is "not set". The reader is given the
     * text and where it came from (the variable or the config key), for its one-line error.
     */
    record Setting<T>(String variable, Function<GlobalOptions, String> option, String configKey,
            Function<Config, String> config, Function<Environment, T> byDefault, Reader<T> reader,
            String description, String optionName) {

        Setting(String variable, Function<GlobalOptions, String> option, String configKey,
                Function<Config, String> config, Function<Environment, T> byDefault, Reader<T> reader,
                String description) {
            this(variable, option, configKey, config, byDefault, reader, description, null);
        }

        Term term() {
            return new Term(variable, description);
        }
    }

    /** Reads a setting's text: an unknown word is a one-line error naming where it was given. */
    @FunctionalInterface
    interface Reader<T> {
        T read(String where, String text);
    }

    private static final Reader<String> TEXT = (where, text) -> text;

    /** A variable read elsewhere (the launcher, the daemon, the terminal, fetch-mail): listed, not resolved here. */
    private static Setting<String> documented(String variable, String description) {
        return new Setting<>(variable, null, null, null, environment -> null, TEXT, description);
    }

    static final Setting<String> DB = new Setting<>("TENANTDESK_DB", options -> options.db, "database: url",
            config -> config.database() == null ? null : config.database().url(), environment -> null, TEXT,
            "The database, as --db: a file (default $XDG_DATA_HOME/tenantdesk/tenantdesk.db, that is"
                    + " ~/.local/share/tenantdesk/tenantdesk.db), or a postgresql://user@host[:port]/database URL.",
            "--db");
    static final Setting<String> PGPASSWORD = new Setting<>("PGPASSWORD", null, null, null, environment -> null,
            TEXT, "A PostgreSQL server's password, as psql reads it (else ~/.pgpass, or the config's password-file);"
                    + " never on the command line.");
    static final Setting<String> PGPASSFILE = new Setting<>("PGPASSFILE", null, null, null,
            environment -> "~/.pgpass", Settings::path,
            "The file of PostgreSQL passwords, as psql reads it (default ~/.pgpass).");
    static final Setting<String> PGUSER = new Setting<>("PGUSER", null, null, null, Environment::loginName, TEXT,
            "The PostgreSQL user when the URL names none (else the login name), as psql reads it.");
    static final Setting<String> CONFIG = new Setting<>("TENANTDESK_CONFIG", options -> options.config, null, null,
            environment -> null, Settings::path, "The config file, as --config.", "--config");
    static final Setting<String> USER = new Setting<>("TENANTDESK_USER",
            options -> options.actor == null || options.actor.isBlank() ? null : options.actor, null, null,
            Environment::loginName, Settings::someone,
            "Who is recorded as doing it, as --as (default: the login name).", "--as");
    static final Setting<Duration> BUSY_TIMEOUT = new Setting<>("TENANTDESK_BUSY_TIMEOUT", null, null, null,
            environment -> Duration.ofSeconds(10), Settings::millis,
            "Milliseconds a command waits for another writer (on PostgreSQL, for a row it has locked; default"
                    + " 10000).");
    static final Setting<String> COLUMNS = documented("COLUMNS",
            "The width of tables; the launcher sets it from the terminal.");
    static final Setting<String> NO_COLOR = documented("NO_COLOR", "No colours, as --no-color.");
    static final Setting<String> SMTP_URL = new Setting<>("TENANTDESK_SMTP_URL", null, "mail: smtp: url",
            config -> config.mail().smtp() == null ? null : config.mail().smtp().url(), environment -> null, TEXT,
            "The mail server replies go through, as the config's mail: smtp: url (smtps://user@host[:port]).");
    static final Setting<String> SMTP_PASSWORD = new Setting<>("TENANTDESK_SMTP_PASSWORD", null, null, null,
            environment -> null, TEXT, "Its password (else the config's mail: smtp: password-file).");
    static final Setting<Tls> SMTP_TLS = new Setting<>("TENANTDESK_SMTP_TLS", null, "mail: smtp: tls",
            config -> config.mail().smtp() == null ? null : config.mail().smtp().tls(),
            environment -> Tls.REQUIRED, Tls::parse, "As mail: smtp: tls; none sends the password in clear text.");
    static final Setting<String> MAIL_FROM = new Setting<>("TENANTDESK_MAIL_FROM", null, "mail: from",
            config -> config.mail().from(), environment -> null, TEXT,
            "Who our mail comes from, 'Name <address>', as the config's mail: from.");
    static final Setting<String> MAIL_PASSWORD = documented("TENANTDESK_MAIL_PASSWORD",
            "The password for fetch-mail --source.");
    static final Setting<String> JAVA_OPTS = documented("TENANTDESK_JAVA_OPTS", "Extra JVM options for the launcher.");
    static final Setting<String> DAEMON = documented("TENANTDESK_DAEMON",
            "off: run every command in a JVM of its own, not in the user's daemon (see Daemon below); on, the"
                    + " default, hands them to it (also no/yes, false/true, 0/1).");
    static final Setting<String> DAEMON_IDLE = documented("TENANTDESK_DAEMON_IDLE",
            "Seconds the daemon waits for another command before it stops (default 600; 0 to 604800, a week).");
    static final Setting<String> DAEMON_WARM_UP = documented("TENANTDESK_DAEMON_WARM_UP",
            "Rounds of common commands a new daemon runs on a scratch database before it listens, so that the first"
                    + " command it serves is fast (default 30, at most 1000; 0 listens at once).");

    /** In the order tenantdesk(1) lists them. */
    static final List<Setting<?>> ALL = List.of(DB, PGPASSWORD, PGPASSFILE, PGUSER, CONFIG, USER, BUSY_TIMEOUT,
            COLUMNS, NO_COLOR, SMTP_URL, SMTP_PASSWORD, SMTP_TLS, MAIL_FROM, MAIL_PASSWORD, JAVA_OPTS, DAEMON,
            DAEMON_IDLE, DAEMON_WARM_UP);

    private final Environment environment;
    private final GlobalOptions options;
    private final Supplier<Config> config;

    /** The config file is read only when a setting needs it: reading it loads Jackson, a tenth of a second. */
    Settings(Environment environment, GlobalOptions options, Supplier<Config> config) {
        this.environment = environment;
        this.options = options;
        this.config = config;
    }

    <T> T get(Setting<T> setting) {
        return resolve(setting).value();
    }

    /** The option, else the variable, else the config file's key, else the default. */
    <T> Value<T> resolve(Setting<T> setting) {
        String given = setting.option() == null ? null : setting.option().apply(options);
        if (given != null) {
            return new Value<>(setting.reader().read(setting.optionName(), given), Origin.OPTION);
        }
        given = environment.get(setting.variable());
        if (given != null) {
            return new Value<>(setting.reader().read(setting.variable(), given), Origin.VARIABLE);
        }
        given = setting.config() == null ? null : setting.config().apply(config.get());
        if (given != null && !given.isBlank()) {
            return new Value<>(setting.reader().read(setting.configKey(), given), Origin.CONFIG);
        }
        return new Value<>(setting.byDefault().apply(environment), Origin.DEFAULT);
    }

    /** The Environment section of tenantdesk(1) and --help. */
    static List<Block> documentation() {
        return ALL.stream().<Block>map(Setting::term).toList();
    }

    private static Duration millis(String where, String text) {
        if (!text.matches("\\d{1,9}")) {
            throw new InvalidInputException(where + " must be milliseconds (at most 999999999), not '" + text + "'");
        }
        return Duration.ofMillis(Long.parseLong(text));
    }

    /** Who is recorded as doing it: blanks alone would record no one. */
    private static String someone(String where, String text) {
        if (text.isBlank()) {
            throw new InvalidInputException(where + " must name who does it, not '" + text + "'");
        }
        return text.strip();
    }

    /** A file's path: a URL here would be read as a folder named after its scheme. */
    private static String path(String where, String text) {
        if (Converters.isUrl(text)) {
            throw new InvalidInputException(where + " must be a file's path, not a URL: '" + text + "'");
        }
        return text;
    }
}
