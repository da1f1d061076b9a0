package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.testing.Dovecot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A password sent in clear across a network is worth a warning; on loopback it never is, so these servers listen on
 * an address of this machine that is not loopback (the tests are skipped on a machine with none).
 */
class DovecotNetworkIT {

    @TempDir
    Path spool;

    final List<String> warnings = new ArrayList<>();

    String uri(Dovecot dovecot, String scheme, int port, String folder) {
        return scheme + "://" + dovecot.user() + "@" + dovecot.host() + ":" + port + folder;
    }

    /** Opens, reads the one message delivered, and closes. */
    void readOne(Dovecot dovecot, String uri, SSLSocketFactory sockets) throws Exception {
        dovecot.deliver(ImapSourceTest.message(1));
        try (MailSource source = MailSources.open(
                        Specs.server(uri, dovecot.password(), null, null, spool, sockets, warnings));
                RawMessage raw = source.fetch(source.list().get(0))) {
            assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(1));
        }
    }

    @Nested
    class WithoutTls {

        @RegisterExtension
        final Dovecot dovecot = new Dovecot().withPop3().onNetworkAddress();

        @Test
        void imapWarnsThatThePasswordWentUnencrypted() throws Exception {
            String uri = uri(dovecot, "imap", dovecot.port(), "/INBOX");
            readOne(dovecot, uri, null);
            assertThat(warnings).containsExactly(uri + ": the server offers no TLS, so the password went over the"
                    + " network unencrypted; use imaps:// if the server supports it");
        }

        @Test
        void pop3WarnsThatThePasswordWentUnencrypted() throws Exception {
            String uri = uri(dovecot, "pop3", dovecot.pop3Port(), "");
            readOne(dovecot, uri, null);
            assertThat(warnings).containsExactly(uri + ": the server offers no TLS, so the password went over the"
                    + " network unencrypted; use pop3s:// if the server supports it");
        }
    }

    @Nested
    class WithStartTls {

        @RegisterExtension
        final Dovecot dovecot = new Dovecot().withTls().withPop3().onNetworkAddress();

        @Test
        void imapUpgradesAndDoesNotWarn() throws Exception {
            readOne(dovecot, uri(dovecot, "imap", dovecot.port(), "/INBOX"), dovecot.sslSockets());
            assertThat(dovecot.awaitLog("Login:", 1))
                    .singleElement()
                    .asString()
                    .contains("imap-login: Info: Login: user=<kari>", "rip=" + dovecot.host(), ", TLS,");
            assertThat(warnings).isEmpty();
        }

        @Test
        void pop3UpgradesAndDoesNotWarn() throws Exception {
            readOne(dovecot, uri(dovecot, "pop3", dovecot.pop3Port(), ""), dovecot.sslSockets());
            assertThat(dovecot.awaitLog("Login:", 1))
                    .singleElement()
                    .asString()
                    .contains("pop3-login: Info: Login: user=<kari>", "rip=" + dovecot.host(), ", TLS,");
            assertThat(warnings).isEmpty();
        }
    }
}
