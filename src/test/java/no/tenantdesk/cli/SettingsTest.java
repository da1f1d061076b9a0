package no.tenantdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import no.tenantdesk.cli.Settings.Origin;
import no.tenantdesk.config.Config;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.Tls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A setting comes from the option, else its variable, else the config file, else its default; each read once. */
class SettingsTest {

    @TempDir
    Path folder;

    final AtomicInteger configReads = new AtomicInteger();

    Settings settings(Map<String, String> variables, GlobalOptions options, String yaml) throws IOException {
        Path file = folder.resolve("tenantdesk.yaml");
        Files.writeString(file, yaml);
        Environment environment = new Environment(variables, new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), false, Clock.systemUTC(), ZoneOffset.UTC);
        return new Settings(environment, options, () -> {
            configReads.incrementAndGet();
            return Config.load(file, true);
        });
    }

    static GlobalOptions db(String db) {
        GlobalOptions options = new GlobalOptions();
        options.db = db;
        return options;
    }

    @Test
    void theOptionWinsOverTheVariableWhichWinsOverTheConfigFile() throws IOException {
        String yaml = "database: /srv/config.db\n";

        assertThat(settings(Map.of("TENANTDESK_DB", "/srv/env.db"), db("/srv/flag.db"), yaml)
                .resolve(Settings.DB)).isEqualTo(new Settings.Value<>("/srv/flag.db", Origin.OPTION));
        assertThat(settings(Map.of("TENANTDESK_DB", "/srv/env.db"), db(null), yaml).resolve(Settings.DB))
                .isEqualTo(new Settings.Value<>("/srv/env.db", Origin.VARIABLE));
        assertThat(settings(Map.of(), db(null), yaml).resolve(Settings.DB))
                .isEqualTo(new Settings.Value<>("/srv/config.db", Origin.CONFIG));
        assertThat(settings(Map.of(), db(null), "").resolve(Settings.DB))
                .isEqualTo(new Settings.Value<>(null, Origin.DEFAULT));
    }

    @Test
    void theConfigFileIsReadOnlyWhenNeitherOptionNorVariableGivesTheSetting() throws IOException {
        Settings settings = settings(Map.of("TENANTDESK_DB", "/srv/env.db", "TENANTDESK_BUSY_TIMEOUT", "250"),
                db(null), "database: /srv/config.db\n");

        assertThat(settings.get(Settings.DB)).isEqualTo("/srv/env.db");
        assertThat(settings.get(Settings.BUSY_TIMEOUT)).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.get(Settings.USER)).isNotBlank(); // the login name
        assertThat(configReads).hasValue(0);
    }

    @Test
    void aConfigKeyGivesWhatItsVariableDoesNot() throws IOException {
        Settings settings = settings(Map.of("TENANTDESK_MAIL_FROM", "Drift <drift@eiendom.example>"), db(null),
                "mail:\n  from: Other <other@eiendom.example>\n  smtp:\n    url: smtps://drift@smtp.example\n"
                        + "    tls: none\n");

        assertThat(settings.get(Settings.MAIL_FROM)).isEqualTo("Drift <drift@eiendom.example>");
        assertThat(settings.get(Settings.SMTP_URL)).isEqualTo("smtps://drift@smtp.example");
        assertThat(settings.get(Settings.SMTP_TLS)).isEqualTo(Tls.NONE);
    }

    @Test
    void defaultsAreTheDocumentedOnes() throws IOException {
        Settings settings = settings(Map.of("PGUSER", "kari"), db(null), "");

        assertThat(settings.get(Settings.BUSY_TIMEOUT)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.get(Settings.SMTP_TLS)).isEqualTo(Tls.REQUIRED);
        assertThat(settings.resolve(Settings.PGPASSFILE)).isEqualTo(new Settings.Value<>("~/.pgpass", Origin.DEFAULT));
        assertThat(settings.get(Settings.PGUSER)).isEqualTo("kari");
        assertThat(settings.get(Settings.SMTP_URL)).isNull();
    }

    @Test
    void aValueThatIsNotWhatTheSettingTakesIsAnErrorNamingWhereItWasGiven() throws IOException {
        assertThatThrownBy(() -> settings(Map.of("TENANTDESK_BUSY_TIMEOUT", "10s"), db(null), "")
                .get(Settings.BUSY_TIMEOUT)).isInstanceOf(InvalidInputException.class)
                .hasMessage("TENANTDESK_BUSY_TIMEOUT must be milliseconds (at most 999999999), not '10s'");
        assertThatThrownBy(() -> settings(Map.of(), db(null), "mail:\n  smtp:\n    url: smtp://x\n    tls: maybe\n")
                .get(Settings.SMTP_TLS)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith(
                        "mail: smtp: tls: unknown value 'maybe'");
        assertThatThrownBy(() -> settings(Map.of("TENANTDESK_SMTP_TLS", "maybe"), db(null), "")
                .get(Settings.SMTP_TLS)).hasMessageStartingWith("TENANTDESK_SMTP_TLS: unknown value 'maybe'");
    }

    /** What each setting read here refuses; the others, and why any text will do for them. */
    static final Map<Settings.Setting<?>, String> REFUSED = Map.of(
            Settings.BUSY_TIMEOUT, "10s", Settings.SMTP_TLS, "maybe", Settings.CONFIG, "https://example.com/t.yaml",
            Settings.PGPASSFILE, "file:///home/kari/.pgpass", Settings.USER, "   ");
    static final Map<Settings.Setting<?>, String> ANY_TEXT = Map.ofEntries(
            Map.entry(Settings.DB, "a path or URL, refused by DatabaseChoice (DatabaseChoiceTest)"),
            Map.entry(Settings.PGPASSWORD, "a password"), Map.entry(Settings.PGUSER, "a user's name"),
            Map.entry(Settings.COLUMNS, "the shell's: a width that is not one is the terminal's default, as for ls"),
            Map.entry(Settings.NO_COLOR, "any value says no (no-color.org)"),
            Map.entry(Settings.SMTP_URL, "read by SmtpSettings.parse, which refuses what is not a mail server's URL"),
            Map.entry(Settings.SMTP_PASSWORD, "a password"),
            Map.entry(Settings.MAIL_FROM, "read by MailWiring, which refuses what is not an address"),
            Map.entry(Settings.MAIL_PASSWORD, "a password"),
            Map.entry(Settings.JAVA_OPTS, "the JVM's options, which the JVM refuses"),
            Map.entry(Settings.DAEMON, "read by the client and the daemon (DaemonSettingsTest)"),
            Map.entry(Settings.DAEMON_IDLE, "read by the client and the daemon (DaemonSettingsTest)"),
            Map.entry(Settings.DAEMON_WARM_UP, "read by the client and the daemon (DaemonSettingsTest)"));

    @Test
    void everySettingRefusesWhatItDoesNotTakeOrSaysWhyAnyTextWillDo() throws IOException {
        assertThat(Settings.ALL).containsExactlyInAnyOrderElementsOf(
                Stream.concat(REFUSED.keySet().stream(), ANY_TEXT.keySet().stream()).toList());
        for (Map.Entry<Settings.Setting<?>, String> bad : REFUSED.entrySet()) {
            Settings.Setting<?> setting = bad.getKey();
            assertThatThrownBy(() -> settings(Map.of(setting.variable(), bad.getValue()), db(null), "").get(setting))
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(setting.variable())
                    .hasMessageContaining("'" + bad.getValue() + "'");
        }
    }

    @Test
    void aUrlForAFileAndBlanksForSomeoneAreRefused() throws IOException {
        assertThatThrownBy(() -> settings(Map.of("TENANTDESK_CONFIG", "https://example.com/t.yaml"), db(null), "")
                .get(Settings.CONFIG)).hasMessage(
                        "TENANTDESK_CONFIG must be a file's path, not a URL: 'https://example.com/t.yaml'");
        assertThatThrownBy(() -> settings(Map.of("TENANTDESK_USER", " \t"), db(null), "").get(Settings.USER))
                .hasMessage("TENANTDESK_USER must name who does it, not ' \t'");
        GlobalOptions option = new GlobalOptions();
        option.config = "https://example.com/t.yaml";
        assertThatThrownBy(() -> settings(Map.of(), option, "").get(Settings.CONFIG)).hasMessage(
                "--config must be a file's path, not a URL: 'https://example.com/t.yaml'");
        assertThat(settings(Map.of("TENANTDESK_CONFIG", "./https:/x.yaml", "TENANTDESK_USER", " kari "), db(null), "")
                .get(Settings.USER)).isEqualTo("kari");
        assertThat(settings(Map.of("TENANTDESK_CONFIG", "relative/t.yaml"), db(null), "").get(Settings.CONFIG))
                .isEqualTo("relative/t.yaml");
    }
}
