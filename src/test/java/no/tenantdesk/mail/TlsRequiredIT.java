package no.tenantdesk.mail;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Maildir;
import no.tenantdesk.testing.PlainTextServer;
import no.tenantdesk.testing.PlainTextServer.Protocol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No password before TLS: a server on loopback that offers no STARTTLS, as one would whose offer a man in the middle
 * took out, never gets a login from fetch-mail or reply, unless the settings say tls: none. The servers keep every
 * line they were sent, so "no login arrived" is what they saw.
 */
class TlsRequiredIT {

    static final String PASSWORD = "hemmelig-passord";

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-11-27T08:00:00Z");
    }

    static String uri(Protocol protocol, PlainTextServer server) {
        return protocol == Protocol.IMAP ? "imap://drift@127.0.0.1:" + server.port() + "/INBOX"
                : "pop3://drift@127.0.0.1:" + server.port();
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"IMAP", "POP3"})
    void fetchMailSendsNoPasswordToAServerWithoutStartTls(Protocol protocol) {
        try (PlainTextServer server = new PlainTextServer(protocol)) {
            String uri = uri(protocol, server);

            CommandResult result = cli.env("TENANTDESK_MAIL_PASSWORD", PASSWORD).run("fetch-mail", "--source", uri);

            assertThat(result).exitedWith(75);
            assertThat(result.err()).isEqualTo("tenantdesk: " + uri + ": the server offers no TLS (STARTTLS), so the"
                    + " password was not sent; use " + protocol.name().toLowerCase() + "s:// if the server has it, or"
                    + " allow clear text with tls: none in the account's settings (with --source: --tls none)\n");
            assertThat(server.loginArrived()).as(server.lines().toString()).isFalse();
            assertThat(String.join("\n", server.lines())).doesNotContain(PASSWORD);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Protocol.class, names = {"IMAP", "POP3"})
    void tlsNoneSendsThePasswordInClearTextAsChosen(Protocol protocol) {
        try (PlainTextServer server = new PlainTextServer(protocol)) {
            CommandResult result = cli.env("TENANTDESK_MAIL_PASSWORD", PASSWORD)
                    .run("fetch-mail", "--source", uri(protocol, server), "--tls", "none");

            assertThat(result).succeeded().stderrIsEmpty();
            assertThat(server.loginArrived()).as(server.lines().toString()).isTrue();
        }
    }

    @Test
    void anAccountIsRefusedUnlessItsSettingsSayTlsNone() throws IOException {
        try (PlainTextServer imap = new PlainTextServer(Protocol.IMAP);
                PlainTextServer pop3 = new PlainTextServer(Protocol.POP3)) {
            Path password = Files.writeString(folder.resolve("drift.password"), PASSWORD + "\n");
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
            Path config = Files.writeString(folder.resolve("tenantdesk.yaml"), String.join("\n",
                    "mail:",
                    "  accounts:",
                    "    gammel:",
                    "      source: " + uri(Protocol.IMAP, imap),
                    "      password-file: " + password,
                    "      tls: none",
                    "    vaktmester:",
                    "      source: " + uri(Protocol.POP3, pop3),
                    "      password-file: " + password,
                    ""));

            CommandResult result = cli.run("--config", config.toString(), "fetch-mail", "--json");

            assertThat(result).exitedWith(75);
            assertThat(result.err()).startsWith("tenantdesk: vaktmester: the server offers no TLS (STARTTLS)");
            JsonNode sources = result.json().get("sources");
            assertThat(sources.get(0).get("error").isNull()).isTrue();
            assertThat(sources.get(1).get("temporary").asBoolean()).isTrue();
            assertThat(imap.loginArrived()).isTrue();
            assertThat(pop3.loginArrived()).isFalse();
        }
    }

    @Test
    void aTlsSettingThatIsNeitherRequiredNorNoneIsAnError() {
        assertThat(cli.run("fetch-mail", "--source", "imap://drift@127.0.0.1/INBOX", "--tls", "maybe"))
                .failedWith(2, "--tls: unknown value 'maybe' (valid: required, the default, or none to send the"
                        + " password in clear text)");
    }

    /** A reply to a tenant, whose inquiry came in by mail. */
    private void inquiryFromMail() {
        Maildir inbox = new Maildir(folder.resolve("Maildir"));
        inbox.deliverFixture("threading/leak-in-office-204.eml");
        assertThat(cli.run("fetch-mail", "--source", inbox.uri())).succeeded();
    }

    @Test
    void aReplyIsKeptInTheOutboxUntilTheServerOffersTlsOrTheSettingsAllowClearText() {
        try (PlainTextServer smtp = new PlainTextServer(Protocol.SMTP)) {
            inquiryFromMail();
            String url = "smtp://drift@127.0.0.1:" + smtp.port();
            cli.env("TENANTDESK_MAIL_FROM", "Drift <drift@eiendom.example>").env("TENANTDESK_SMTP_URL", url)
                    .env("TENANTDESK_SMTP_PASSWORD", PASSWORD);

            CommandResult reply = cli.run("reply", "1", "-m", "Rørleggeren kommer i morgen.");

            assertThat(reply).exitedWith(4);
            assertThat(reply.err()).isEqualTo("tenantdesk: reply stored on inquiry 1 but not sent: " + url + ": the"
                    + " server offers no TLS (STARTTLS), so the password was not sent; use smtps:// if the server has"
                    + " it, or allow clear text with tls: none under mail: smtp: in the config file, or"
                    + " TENANTDESK_SMTP_TLS=none (queued; tenantdesk outbox send tries again)\n");
            assertThat(smtp.loginArrived()).isFalse();
            assertThat(smtp.lines()).noneMatch(line -> line.startsWith("MAIL FROM"));
            assertThat(cli.run("outbox", "list", "--json").json())
                    .anyMatch(m -> m.get("kind").asText().equals("reply") && m.get("state").asText().equals("queued"));

            cli.env("TENANTDESK_SMTP_TLS", "none").at("2026-11-27T08:05:00Z");
            assertThat(cli.run("outbox", "send")).succeeded();

            assertThat(smtp.loginArrived()).isTrue();
            assertThat(smtp.lines()).anyMatch(line -> line.startsWith("MAIL FROM:<drift@eiendom.example>"));
        }
    }

    @Test
    void aRelayThatNeedsNoLoginIsUsedAsBefore() {
        try (PlainTextServer smtp = new PlainTextServer(Protocol.SMTP)) {
            inquiryFromMail();
            cli.env("TENANTDESK_MAIL_FROM", "Drift <drift@eiendom.example>")
                    .env("TENANTDESK_SMTP_URL", "smtp://127.0.0.1:" + smtp.port());

            assertThat(cli.run("reply", "1", "-m", "Vi ser på det.")).succeeded();

            assertThat(smtp.loginArrived()).isFalse();
            assertThat(smtp.lines()).anyMatch(line -> line.startsWith("MAIL FROM:<drift@eiendom.example>"));
        }
    }
}
