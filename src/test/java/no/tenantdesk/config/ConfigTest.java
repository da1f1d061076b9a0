package no.tenantdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

    @TempDir
    Path folder;

    @Test
    void theDocumentedExampleWithEverySettingSwitchedOnLoads() throws Exception {
        // Uncomment the example's settings (lines "# key: value" and their indented children), keep the prose.
        String example = Files.readAllLines(Path.of("config/tenantdesk.yaml")).stream()
                .map(line -> line.matches("#( {1,10}(- )?[a-z0-9-]+:.*| {3,}# .*)") ? line.substring(2) : line)
                .collect(Collectors.joining("\n"));
        Path file = Files.writeString(folder.resolve("tenantdesk.yaml"), example);

        Config config = Config.load(file, true);

        assertThat(config.database().url())
                .isEqualTo("postgresql://kari@db.eiendom.example:5432/tenantdesk?sslmode=verify-full");
        assertThat(config.database().passwordFile()).isEqualTo("~/.config/tenantdesk/database.password");
        assertThat(config.sla().closed()).containsExactly("2026-12-24", "2026-12-31");
        assertThat(config.sla().policy().targets(no.tenantdesk.domain.Priority.LOW).resolve())
                .isEqualTo(no.tenantdesk.sla.Span.days(10));
        assertThat(config.mail().addresses()).containsExactly("drift@eiendom.example");
        assertThat(config.retention().rawMailPeriod()).contains(java.time.Period.ofYears(3));
        assertThat(config.retention().filesPeriod()).contains(java.time.Period.ofYears(5));
        assertThat(config.mail().maxAttachmentBytes()).isEqualTo(25L * 1024 * 1024);
        assertThat(config.mail().reopenDone()).isTrue();
        assertThat(config.mail().freeMailDomains()).containsExactly("epost.example", "webmail.*");
        assertThat(config.mail().doneWords()).contains("utført", "ferdig");
        assertThat(config.rules()).extracting(no.tenantdesk.triage.RuleConfig::name)
                .containsExactly("lekkasje haster", "brannsentral", "nyhetsbrev");
        assertThat(config.rules().get(1).stop()).isTrue();
        assertThat(config.mail().accounts().keySet())
                .containsExactly("drift", "vaktmester", "gammel", "office", "workspace", "other");
        Config.Account office = config.mail().accounts().get("office");
        assertThat(office.user()).isEqualTo("drift@eiendom.example");
        assertThat(office.oauth2()).isEqualTo(new Config.OAuth2("microsoft", "eiendom.onmicrosoft.com",
                "3f2b0c6e-8d4a-4e1f-b6c2-7a9d5e0f1c34", "/etc/tenantdesk/m365.secret", null, null, null, null, null));
        assertThat(config.mail().accounts().get("workspace").oauth2().serviceAccountKeyFile())
                .isEqualTo("/etc/tenantdesk/google-service-account.json");
        assertThat(config.mail().accounts().get("other").oauth2().scope()).isEqualTo("mail offline_access");
        Config.Account drift = config.mail().accounts().get("drift");
        assertThat(drift.source()).isEqualTo("imaps://drift@imap.eiendom.example/INBOX");
        assertThat(drift.passwordFile()).isEqualTo("/etc/tenantdesk/drift.password");
        assertThat(drift.afterImport()).isEqualTo("move");
        assertThat(drift.moveTo()).isEqualTo("Arkiv");
        assertThat(config.mail().from()).isEqualTo("Drift Storgata 12 <drift@eiendom.example>");
        assertThat(config.mail().smtp().url()).isEqualTo("smtps://drift@smtp.eiendom.example");
        assertThat(config.mail().smtp().passwordFile()).isEqualTo("/etc/tenantdesk/smtp.password");
        assertThat(config.mail().acknowledgement().enabled()).isTrue();
        assertThat(config.mail().acknowledgement().intervalDuration()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(config.mail().acknowledgement().subject()).isEqualTo("Henvendelsen er registrert");
        assertThat(config.mail().acknowledgement().template()).startsWith("Hei,\n\ntakk for henvendelsen.");
        assertThat(config.mail().smtp().tls()).isNull();
        assertThat(config.mail().accounts().get("gammel").tls()).isEqualTo("none");
    }

    @Test
    void withoutAMailSectionEverythingHasItsDefault() throws Exception {
        Path file = Files.writeString(folder.resolve("tenantdesk.yaml"), "database: /tmp/x.db\n");

        Config config = Config.load(file, true);
        Config.Mail mail = config.mail();

        assertThat(config.database().url()).isEqualTo("/tmp/x.db");
        assertThat(config.database().passwordFile()).isNull();
        assertThat(mail.accounts()).isEmpty();
        assertThat(mail.maxAttachmentBytes()).isEqualTo(25L * 1024 * 1024);
        assertThat(mail.reopenDone()).isTrue();
        assertThat(mail.smtp()).isNull();
        assertThat(mail.acknowledgement().enabled()).isTrue();
        assertThat(mail.acknowledgement().template()).startsWith("Hei,").contains("sak {id}.");
        assertThat(mail.acknowledgement().intervalDuration()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(config.retention().rawMailPeriod()).isEmpty();
        assertThat(config.retention().filesPeriod()).isEmpty();
    }

    @Test
    void retentionTimesAreReadAsPeopleWriteThem() {
        assertThat(Amounts.period("files", "3 years")).isEqualTo(java.time.Period.ofYears(3));
        assertThat(Amounts.period("files", "1 Year")).isEqualTo(java.time.Period.ofYears(1));
        assertThat(Amounts.period("files", "18months")).isEqualTo(java.time.Period.ofMonths(18));
        assertThat(Amounts.period("files", "26 weeks")).isEqualTo(java.time.Period.ofWeeks(26));
        assertThat(Amounts.period("files", "90 d")).isEqualTo(java.time.Period.ofDays(90));
        for (String bad : new String[] {"3", "three years", "3 decades", "-1 year", "99999 days", "P3Y"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Amounts.period("raw-mail", bad))
                    .hasMessage("retention: raw-mail: '" + bad + "' is not a time (like 3 years, 18 months or 90 days)");
        }
    }

    @Test
    void sizesAreReadAsPeopleWriteThem() {
        assertThat(Amounts.bytes("25 MB")).isEqualTo(25L * 1024 * 1024);
        assertThat(Amounts.bytes("500k")).isEqualTo(500L * 1024);
        assertThat(Amounts.bytes("1.5 GB")).isEqualTo((long) (1.5 * 1024 * 1024 * 1024));
        assertThat(Amounts.bytes("1000")).isEqualTo(1000);
    }

    @Test
    void aMistakeInTheMailSectionIsNamed() throws Exception {
        Path misspelt = Files.writeString(folder.resolve("a.yaml"), "mail:\n  max-attachment: 10 MB\n");
        Path badSize = Files.writeString(folder.resolve("b.yaml"), "mail:\n  max-attachment-size: lots\n");
        Path noSource = Files.writeString(folder.resolve("c.yaml"), "mail:\n  accounts:\n    drift:\n"
                + "      password-file: /x\n");

        assertThatThrownBy(() -> Config.load(misspelt, true)).isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("unknown setting 'max-attachment'");
        assertThatThrownBy(() -> Config.load(badSize, true)).isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("'lots' is not a size (like 25 MB)");
        assertThatThrownBy(() -> Config.load(noSource, true)).isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("account 'drift' has no source");
    }
}
