package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import no.tenantdesk.testing.Dovecot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * IMAP and POP3 over TLS against a real Dovecot: STARTTLS (which GreenMail does not offer) on imap:// and pop3://,
 * and TLS from the first byte on imaps:// and pop3s://. Dovecot trusts any connection from loopback, so a plain login
 * would succeed too: its log, which says ", TLS," of a login that came over TLS, is what tells them apart.
 */
class DovecotTlsIT {

    @RegisterExtension
    final Dovecot dovecot = new Dovecot().withTls().withPop3();

    @TempDir
    Path spool;

    final List<String> warnings = new ArrayList<>();

    String uri(String scheme, int port, String folder) {
        return scheme + "://" + dovecot.user() + "@localhost:" + port + folder;
    }

    MailSource open(String uri, AfterImport afterImport, SSLSocketFactory sockets) {
        return MailSources.open(Specs.server(uri, dovecot.password(), afterImport, null, spool, sockets, warnings));
    }

    void deliver(int count) {
        for (int n = 1; n <= count; n++) {
            dovecot.deliver(ImapSourceTest.message(n));
        }
    }

    @Test
    void imapUpgradesWithStartTlsBeforeLoggingIn() throws Exception {
        deliver(3);
        String uri = uri("imap", dovecot.port(), "/INBOX");
        try (MailSource source = open(uri, AfterImport.SEEN, dovecot.sslSockets())) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).hasSize(3);
            for (int n = 1; n <= 3; n++) {
                try (RawMessage raw = source.fetch(waiting.get(n - 1))) {
                    assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(n));
                }
            }
            source.markDone(waiting.subList(0, 2));
            assertThat(source.list()).containsExactly(waiting.get(2));
        }
        assertThat(dovecot.awaitLog("Login:", 1))
                .singleElement()
                .asString()
                .contains("imap-login: Info: Login: user=<kari>", ", TLS,");
        assertThat(seenFileNames()).hasSize(2);
        assertThat(warnings).isEmpty();
    }

    @Test
    void imapStartTlsWithTheJvmsTrustFailsOnTheCertificateBeforeLoggingIn() throws Exception {
        String uri = uri("imap", dovecot.port(), "/INBOX");
        assertThatThrownBy(() -> open(uri, AfterImport.SEEN, null))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessageStartingWith(uri + ": the server's certificate is not trusted")
                .hasMessageNotContaining("\n");
        assertNoLogin();
    }

    @Test
    void imapStartTlsChecksTheHostName() throws Exception {
        // The certificate names localhost, not 127.0.0.1: the upgraded session must be refused, not used.
        String uri = "imap://kari@127.0.0.1:" + dovecot.port() + "/INBOX";
        assertThatThrownBy(() -> open(uri, AfterImport.SEEN, dovecot.sslSockets()))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessageStartingWith(uri + ": the server's certificate is not trusted");
        assertNoLogin();
    }

    @Test
    void imapsWorksWithSocketsThatTrustTheServer() throws Exception {
        deliver(1);
        String uri = uri("imaps", dovecot.imapsPort(), "/INBOX");
        try (MailSource source = open(uri, AfterImport.SEEN, dovecot.sslSockets());
                RawMessage raw = source.fetch(source.list().get(0))) {
            assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(1));
        }
        assertThat(dovecot.awaitLog("Login:", 1)).singleElement().asString().contains(", TLS,");
        assertThat(warnings).isEmpty();
    }

    @Test
    void imapsWithTheJvmsTrustFailsOnTheCertificate() throws Exception {
        String uri = uri("imaps", dovecot.imapsPort(), "/INBOX");
        assertThatThrownBy(() -> open(uri, AfterImport.SEEN, null))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessageStartingWith(uri + ": the server's certificate is not trusted")
                .hasMessageNotContaining("\n");
        assertNoLogin();
    }

    @Test
    void pop3UpgradesWithStlsBeforeLoggingIn() throws Exception {
        deliver(2);
        String uri = uri("pop3", dovecot.pop3Port(), "");
        try (MailSource source = open(uri, AfterImport.DELETE, dovecot.sslSockets())) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).hasSize(2);
            try (RawMessage raw = source.fetch(waiting.get(0))) {
                assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(1));
            }
            source.markDone(waiting.subList(0, 1));
        }
        assertThat(dovecot.awaitLog("Login:", 1))
                .singleElement()
                .asString()
                .contains("pop3-login: Info: Login: user=<kari>", ", TLS,");
        assertThat(inboxFileNames()).hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void pop3StlsWithTheJvmsTrustFailsOnTheCertificateBeforeLoggingIn() throws Exception {
        String uri = uri("pop3", dovecot.pop3Port(), "");
        assertThatThrownBy(() -> open(uri, null, null))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessageStartingWith(uri + ": the server's certificate is not trusted")
                .hasMessageNotContaining("\n");
        assertNoLogin();
    }

    @Test
    void pop3sWorksWithSocketsThatTrustTheServer() throws Exception {
        deliver(1);
        String uri = uri("pop3s", dovecot.pop3sPort(), "");
        try (MailSource source = open(uri, null, dovecot.sslSockets());
                RawMessage raw = source.fetch(source.list().get(0))) {
            assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(1));
        }
        assertThat(dovecot.awaitLog("Login:", 1)).singleElement().asString().contains(", TLS,");
        assertThat(warnings).isEmpty();
    }

    @Test
    void pop3sWithTheJvmsTrustFailsOnTheCertificate() throws Exception {
        String uri = uri("pop3s", dovecot.pop3sPort(), "");
        assertThatThrownBy(() -> open(uri, null, null))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessageStartingWith(uri + ": the server's certificate is not trusted")
                .hasMessageNotContaining("\n");
        assertNoLogin();
    }

    /** The client gave up during the handshake, so the password never left it. */
    /**
     * The client gave up during the TLS handshake, so the password never left it. (Waits for that line, not just any
     * "Disconnected": the start-up check that the port greets leaves one too.)
     */
    private void assertNoLogin() throws InterruptedException {
        assertThat(dovecot.awaitLog("SSL_accept() failed", 1)).singleElement().asString()
                .contains("no auth attempts");
        assertThat(dovecot.log()).doesNotContain("Login:");
    }

    private List<String> seenFileNames() throws IOException {
        return inboxFileNames().stream().filter(name -> name.matches(".*:2,[A-Z]*S[A-Z]*")).toList();
    }

    private List<String> inboxFileNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            try (Stream<Path> files = Files.list(dovecot.folder("INBOX").resolve(sub))) {
                files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(names::add);
            }
        }
        return names;
    }
}
