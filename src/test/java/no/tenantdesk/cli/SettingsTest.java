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
                .hasMessage("TENANTDESK_BUSY_TIMEOUT must be milliseconds, not '10s'");
        assertThatThrownBy(() -> settings(Map.of(), db(null), "mail:\n  smtp:\n    url: smtp://x\n    tls: maybe\n")
                .get(Settings.SMTP_TLS)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith(
                        "mail: smtp: tls: unknown value 'maybe'");
        assertThatThrownBy(() -> settings(Map.of("TENANTDESK_SMTP_TLS", "maybe"), db(null), "")
                .get(Settings.SMTP_TLS)).hasMessageStartingWith("TENANTDESK_SMTP_TLS: unknown value 'maybe'");
    }
}
