package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.mail.Tls;
import no.tenantdesk.testing.Dovecot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * imap:// and pop3:// against a real Dovecot on an address of this machine that is not loopback (the tests are skipped
 * on a machine with none): the password goes only after STARTTLS, or in clear text when the account says tls: none.
 */
class DovecotNetworkIT {

    @TempDir
    Path spool;

    final List<String> warnings = new ArrayList<>();

    String uri(Dovecot dovecot, String scheme, int port, String folder) {
        return scheme + "://" + dovecot.user() + "@" + dovecot.host() + ":" + port + folder;
    }

    /** Opens, reads the one message delivered, and closes. */
    void readOne(Dovecot dovecot, String uri, SSLSocketFactory sockets, Tls tls) throws Exception {
        dovecot.deliver(ImapSourceTest.message(1));
        try (MailSource source = MailSources.open(
                        Specs.server(uri, dovecot.password(), tls, null, null, spool, sockets, warnings));
                RawMessage raw = source.fetch(source.list().get(0))) {
            assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(1));
        }
    }

    @Nested
    class WithoutTls {

        @RegisterExtension
        final Dovecot dovecot = new Dovecot().withPop3().onNetworkAddress();

        @Test
        void imapGetsNoPassword() throws Exception {
            String uri = uri(dovecot, "imap", dovecot.port(), "/INBOX");
            assertThatThrownBy(() -> readOne(dovecot, uri, null, Tls.REQUIRED))
                    .isInstanceOf(TemporaryFailureException.class)
                    .hasMessage(uri + ": the server offers no TLS (STARTTLS), so the password was not sent; use"
                            + " imaps:// if the server has it, or allow clear text with tls: none in the account's"
                            + " settings (with --source: --tls none)");
            assertThat(dovecot.awaitLog("imap-login: Info: Disconnected", 1))
                    .allSatisfy(line -> assertThat(line).contains("no auth attempts"));
            assertThat(dovecot.log()).doesNotContain("Login:");
        }

        @Test
        void pop3GetsNoPassword() throws Exception {
            String uri = uri(dovecot, "pop3", dovecot.pop3Port(), "");
            assertThatThrownBy(() -> readOne(dovecot, uri, null, Tls.REQUIRED))
                    .isInstanceOf(TemporaryFailureException.class)
                    .hasMessageStartingWith(uri + ": the server offers no TLS (STARTTLS), so the password was not"
                            + " sent; use pop3s://");
            assertThat(dovecot.awaitLog("pop3-login: Info: Disconnected", 1))
                    .allSatisfy(line -> assertThat(line).contains("no auth attempts"));
            assertThat(dovecot.log()).doesNotContain("Login:");
        }

        @Test
        void imapLogsInInClearTextWhenToldTo() throws Exception {
            readOne(dovecot, uri(dovecot, "imap", dovecot.port(), "/INBOX"), null, Tls.NONE);
            assertThat(dovecot.awaitLog("Login:", 1)).singleElement().asString()
                    .contains("imap-login: Info: Login: user=<kari>", "rip=" + dovecot.host()).doesNotContain(", TLS");
        }

        @Test
        void pop3LogsInInClearTextWhenToldTo() throws Exception {
            readOne(dovecot, uri(dovecot, "pop3", dovecot.pop3Port(), ""), null, Tls.NONE);
            assertThat(dovecot.awaitLog("Login:", 1)).singleElement().asString()
                    .contains("pop3-login: Info: Login: user=<kari>", "rip=" + dovecot.host()).doesNotContain(", TLS");
        }
    }

    @Nested
    class WithStartTls {

        @RegisterExtension
        final Dovecot dovecot = new Dovecot().withTls().withPop3().onNetworkAddress();

        @Test
        void imapUpgradesBeforeTheLogin() throws Exception {
            readOne(dovecot, uri(dovecot, "imap", dovecot.port(), "/INBOX"), dovecot.sslSockets(), Tls.REQUIRED);
            assertThat(dovecot.awaitLog("Login:", 1))
                    .singleElement()
                    .asString()
                    .contains("imap-login: Info: Login: user=<kari>", "rip=" + dovecot.host(), ", TLS,");
        }

        @Test
        void pop3UpgradesBeforeTheLogin() throws Exception {
            readOne(dovecot, uri(dovecot, "pop3", dovecot.pop3Port(), ""), dovecot.sslSockets(), Tls.REQUIRED);
            assertThat(dovecot.awaitLog("Login:", 1))
                    .singleElement()
                    .asString()
                    .contains("pop3-login: Info: Login: user=<kari>", "rip=" + dovecot.host(), ", TLS,");
        }
    }
}
