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
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.mail.in.MailSources;
import no.tenantdesk.mail.in.SourceSpec;
import no.tenantdesk.mail.out.Envelope;
import no.tenantdesk.mail.out.SmtpSender;
import no.tenantdesk.mail.out.SmtpSettings;
import no.tenantdesk.testing.AuthorizationServer;
import no.tenantdesk.testing.Dovecot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that offers no STARTTLS never sees the token, not even on loopback, where Dovecot would take it in clear:
 * the login stops before it, with a line that says why, for IMAP, POP3 and SMTP alike. Dovecot's introspection count
 * and log show that no token reached it.
 */
class OAuthNeverBeforeTlsIT {

    @RegisterExtension
    static final GreenMailExtension relay =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @RegisterExtension
    @Order(1)
    final AuthorizationServer oauth = new AuthorizationServer().client(AppTokens.CLIENT, AppTokens.SECRET, "kari");

    @RegisterExtension
    @Order(2)
    final Dovecot plain = new Dovecot().withPop3().withSubmission(relay.getSmtp().getPort())
            .withOAuth2(oauth, "xoauth2 oauthbearer");

    @TempDir
    Path state;

    AccessTokens tokens() {
        return AppTokens.of(oauth, state);
    }

    void open(String uri) {
        MailSources.open(new SourceSpec("drift", uri, null, null, null, null, Duration.ofSeconds(10),
                new ByteArrayInputStream(new byte[0]), state.resolve("spool"), null, line -> {}, tokens())).close();
    }

    @AfterEach
    void noTokenReachedTheServer() throws Exception {
        assertThat(oauth.count("introspect")).isZero();
        assertThat(plain.awaitLog("method=", 1)).isEmpty();
    }

    @Test
    void imap() {
        assertThatThrownBy(() -> open("imap://kari@127.0.0.1:" + plain.port() + "/INBOX"))
                .isInstanceOf(TemporaryFailureException.class)
                .hasMessageStartingWith("drift: the server offers no TLS (STARTTLS), so the OAuth 2.0 token was not"
                        + " sent; use imaps://");
    }

    @Test
    void pop3() {
        assertThatThrownBy(() -> open("pop3://kari@127.0.0.1:" + plain.pop3Port()))
                .isInstanceOf(TemporaryFailureException.class)
                .hasMessageContaining("offers no TLS (STARTTLS), so the OAuth 2.0 token was not sent")
                .hasMessageContaining("use pop3s://");
    }

    @Test
    void smtp() {
        SmtpSender sender = new SmtpSender(SmtpSettings.parse("smtp://kari@127.0.0.1:" + plain.submissionPort(),
                null, tokens()).withTimeout(Duration.ofSeconds(10)));

        assertThatThrownBy(() -> sender.send(new Envelope("drift@example.no", List.of("kari@example.no")),
                "Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(TemporaryFailureException.class)
                .hasMessageContaining("offers no TLS (STARTTLS), so the OAuth 2.0 token was not sent")
                .hasMessageContaining("use smtps://");
        assertThat(relay.getReceivedMessages()).isEmpty();
    }
}
