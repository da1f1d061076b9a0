package no.tenantdesk.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.in.MailSource;
import no.tenantdesk.mail.in.MailSources;
import no.tenantdesk.mail.in.SourceSpec;
import no.tenantdesk.mail.out.Envelope;
import no.tenantdesk.mail.out.SmtpSender;
import no.tenantdesk.mail.out.SmtpSettings;
import no.tenantdesk.testing.AuthorizationServer;
import no.tenantdesk.testing.Dovecot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The mechanism is the server's choice among the two: whichever it offers, and a clear no when it offers neither. */
class OAuthMechanismChoiceIT {

    @RegisterExtension
    static final GreenMailExtension relay =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @RegisterExtension
    @Order(1)
    final AuthorizationServer oauth = new AuthorizationServer().client(AppTokens.CLIENT, AppTokens.SECRET, "kari");

    @TempDir
    Path state;

    AccessTokens tokens() {
        return AppTokens.of(oauth, state);
    }

    String listed(Dovecot dovecot, String uri) {
        AccessTokens tokens = tokens();
        try (MailSource source = MailSources.open(new SourceSpec("drift", uri, null, null, null, null,
                Duration.ofSeconds(10), new ByteArrayInputStream(new byte[0]), state.resolve("spool"),
                dovecot.sslSockets(), line -> {}, tokens))) {
            return "listed " + source.list().size();
        }
    }

    @Nested
    class OnlyXoauth2 {

        @RegisterExtension
        @Order(2)
        final Dovecot dovecot = new Dovecot().withTls().withPop3().withOAuth2(oauth, "xoauth2");

        @Test
        void imapAndPop3LogInWithXoauth2() throws Exception {
            assertThat(listed(dovecot, "imap://kari@localhost:" + dovecot.port() + "/INBOX")).isEqualTo("listed 0");
            assertThat(listed(dovecot, "pop3s://kari@localhost:" + dovecot.pop3sPort())).isEqualTo("listed 0");

            // One IMAP login, one POP3 login (tenantdesk's own POP3 client sees a refusal in AUTH's own answer).
            assertThat(dovecot.awaitLog("Login:", 3)).hasSize(2).allSatisfy(line ->
                    assertThat(line).contains("method=XOAUTH2", ", TLS,"));
        }
    }

    @Nested
    class OnlyOauthbearer {

        @RegisterExtension
        @Order(2)
        final Dovecot dovecot = new Dovecot().withTls().withPop3().withOAuth2(oauth, "oauthbearer");

        @Test
        void imapLogsInWithOauthbearer() throws Exception {
            assertThat(listed(dovecot, "imaps://kari@localhost:" + dovecot.imapsPort() + "/INBOX"))
                    .isEqualTo("listed 0");
            assertThat(dovecot.awaitLog("Login:", 1)).singleElement().asString().contains("method=OAUTHBEARER");
        }

        @Test
        void pop3WhichSpeaksOnlyXoauth2SaysSo() {
            assertThatThrownBy(() -> listed(dovecot, "pop3s://kari@localhost:" + dovecot.pop3sPort()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("drift: the server offers no OAuth 2.0 mechanism that tenantdesk speaks over POP3"
                            + " (XOAUTH2); use IMAP if the server has it");
            assertThat(oauth.count("introspect")).isZero();
        }
    }

    @Nested
    class PasswordsOnly {

        @RegisterExtension
        @Order(2)
        final Dovecot dovecot = new Dovecot().withTls().withSubmission(relay.getSmtp().getPort());

        /** Angus would fall back to LOGIN with the token as the password; the login stops before. */
        @Test
        void aServerWithoutBearerMechanismsSaysSoAndGetsNoToken() throws Exception {
            assertThatThrownBy(() -> listed(dovecot, "imap://kari@localhost:" + dovecot.port() + "/INBOX"))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("drift: the server offers no OAuth 2.0 mechanism that tenantdesk speaks over IMAP"
                            + " (OAUTHBEARER, XOAUTH2); log in with a password-file instead");
            SmtpSender sender = new SmtpSender(SmtpSettings.parse("smtp://kari@localhost:" + dovecot.submissionPort(),
                    null, tokens()).withSslSockets(dovecot.sslSockets()).withTimeout(Duration.ofSeconds(10)));
            assertThatThrownBy(() -> sender.send(new Envelope("drift@example.no", List.of("kari@example.no")),
                    "Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("smtp://kari@localhost:" + dovecot.submissionPort() + ": the server offers no OAuth"
                            + " 2.0 mechanism that tenantdesk speaks over SMTP (OAUTHBEARER, XOAUTH2); log in with a"
                            + " password-file instead");
            assertThat(dovecot.log()).doesNotContain("auth failed").doesNotContain("Aborted login (auth failed");
        }
    }
}
