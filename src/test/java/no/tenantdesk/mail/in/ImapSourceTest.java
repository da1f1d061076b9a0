package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import no.tenantdesk.testing.GreenMailTls;
import no.tenantdesk.testing.TestCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** IMAP and imaps against GreenMail, in-process. */
class ImapSourceTest {

    private static final TestCertificate CERTIFICATE = GreenMailTls.certificate();

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(new com.icegreen.greenmail.util.ServerSetup[] {
                ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.IMAPS.dynamicPort()
            });

    @TempDir
    Path spool;

    GreenMailUser kari;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void user() {
        kari = greenMail.setUser("kari@example.no", "kari", "secret");
    }

    static String message(int n) {
        return "From: tenant" + n + "@example.no\r\nTo: kari@example.no\r\nSubject: Leak " + n
                + "\r\nMessage-ID: <m" + n + "@example.no>\r\n\r\nWater in flat " + n + ".\r\n";
    }

    void deliver(String text) throws Exception {
        kari.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(US_ASCII))));
    }

    String uri(String folder) {
        return "imap://kari@127.0.0.1:" + greenMail.getImap().getPort() + "/" + folder;
    }

    MailSource open(AfterImport afterImport, String moveTo) {
        return MailSources.open(Specs.clearText(uri("INBOX"), "secret", afterImport, moveTo, spool, warnings));
    }

    MailFolder inbox() throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(kari);
    }

    @Test
    void seenListsUnseenFetchesWithoutSettingSeenAndAcknowledgeFlagsSeen() throws Exception {
        deliver(message(1));
        deliver(message(2));
        try (MailSource source = open(null, null)) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).hasSize(2);
            assertThat(waiting).allSatisfy(w -> assertThat(w.key()).matches("\\d+:\\d+"));
            try (RawMessage raw = source.fetch(waiting.get(0))) {
                assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(message(1));
            }
            try (RawMessage raw = source.fetch(waiting.get(1))) {
                assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(message(2));
            }
            assertThat(inbox().getMessages()).noneMatch(m -> m.isSet(Flags.Flag.SEEN));
            assertThat(source.list()).isEqualTo(waiting);

            source.acknowledge(List.of(waiting.get(0)));

            assertThat(source.list()).containsExactly(waiting.get(1));
        }
        List<StoredMessage> stored = inbox().getMessages();
        assertThat(stored.get(0).isSet(Flags.Flag.SEEN)).isTrue();
        assertThat(stored.get(1).isSet(Flags.Flag.SEEN)).isFalse();
        assertThat(warnings).isEmpty();
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void keysStayTheSameInTheNextSessionAndAcknowledgeNeedsOnlyTheKey() throws Exception {
        deliver(message(1));
        List<Waiting> first;
        try (MailSource source = open(null, null)) {
            first = source.list();
        }
        try (MailSource source = open(null, null)) {
            assertThat(source.list()).isEqualTo(first);
            source.acknowledge(List.of(new Waiting(first.get(0).key(), -1), new Waiting("1:999999", -1)));
            assertThat(source.list()).isEmpty();
        }
    }

    @Test
    void moveListsEveryMessageAndMovesItToTheFolder() throws Exception {
        greenMail.getManagers().getImapHostManager().createMailbox(kari, "Imported");
        deliver(message(1));
        deliver(message(2));
        try (MailSource source = open(AfterImport.MOVE, "Imported")) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).hasSize(2);
            source.fetch(waiting.get(0)).close();
            source.acknowledge(List.of(waiting.get(0)));
            assertThat(source.list()).containsExactly(waiting.get(1));
        }
        MailFolder imported = greenMail.getManagers().getImapHostManager().getFolder(kari, "Imported");
        assertThat(imported.getMessages()).hasSize(1);
        assertThat(imported.getMessages().get(0).getMimeMessage().getSubject()).isEqualTo("Leak 1");
        assertThat(inbox().getMessages()).hasSize(1);
    }

    @Test
    void aMissingMoveTargetIsAnErrorWhenOpening() {
        assertThatThrownBy(() -> open(AfterImport.MOVE, "Nowhere"))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessageContaining("no folder named \"Nowhere\"");
    }

    @Test
    void deleteListsEveryMessageAndExpungesIt() throws Exception {
        deliver(message(1));
        deliver(message(2));
        try (MailSource source = open(AfterImport.DELETE, null)) {
            List<Waiting> waiting = source.list();
            source.acknowledge(List.of(waiting.get(1)));
            assertThat(source.list()).containsExactly(waiting.get(0));
        }
        assertThat(inbox().getMessages()).hasSize(1);
    }

    @Test
    void keepChangesNothing() throws Exception {
        deliver(message(1));
        try (MailSource source = open(AfterImport.KEEP, null)) {
            source.acknowledge(source.list());
            assertThat(source.list()).hasSize(1);
        }
        assertThat(inbox().getMessages().get(0).isSet(Flags.Flag.SEEN)).isFalse();
    }

    @Test
    void aLargeMessageArrivesWhole() throws Exception {
        String big = "Subject: big\r\n\r\n" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\r\n"
                .repeat(20_000);
        deliver(big);
        try (MailSource source = open(null, null); RawMessage raw = source.fetch(source.list().get(0))) {
            assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(big);
        }
    }

    @Test
    void aMissingFolderIsAnError() {
        assertThatThrownBy(() -> MailSources.open(
                        Specs.clearText(uri("Nowhere"), "secret", null, null, spool, warnings)))
                .isInstanceOf(TenantdeskException.class)
                .hasMessageContaining("Nowhere");
    }

    @Test
    void aWrongPasswordIsALoginFailure() {
        assertThatThrownBy(() -> MailSources.open(
                        Specs.clearText(uri("INBOX"), "wrong", null, null, spool, warnings)))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessage(uri("INBOX") + ": login failed");
    }

    @Test
    void nothingListeningIsATemporaryFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String uri = "imap://kari@127.0.0.1:" + port + "/INBOX";
        assertThatThrownBy(() -> MailSources.open(Specs.server(uri, "secret", null, null, spool, null, warnings)))
                .isInstanceOf(TemporaryFailureException.class)
                .hasMessageStartingWith(uri + ": ");
    }

    @Test
    void imapsWithTheJvmsTrustRejectsAnUnknownCertificate() throws Exception {
        GreenMailTls.assertInstalled();
        String uri = "imaps://kari@localhost:" + greenMail.getImaps().getPort() + "/INBOX";
        assertThatThrownBy(() -> MailSources.open(Specs.server(uri, "secret", null, null, spool, null, warnings)))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessageStartingWith(uri + ": the server's certificate is not trusted")
                .hasMessageContaining("TENANTDESK_JAVA_OPTS=-Djavax.net.ssl.trustStore=");
    }

    @Test
    void imapsWorksWithSocketsThatTrustTheServer() throws Exception {
        GreenMailTls.assertInstalled();
        deliver(message(1));
        String uri = "imaps://kari@localhost:" + greenMail.getImaps().getPort() + "/INBOX";
        try (MailSource source = MailSources.open(Specs.server(
                        uri, "secret", null, null, spool, CERTIFICATE.trustingSockets(), warnings));
                RawMessage raw = source.fetch(source.list().get(0))) {
            assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(message(1));
        }
    }

    @Test
    void imapsChecksTheHostName() throws Exception {
        GreenMailTls.assertInstalled();
        // The same server, by an address the certificate does not name.
        String uri = "imaps://kari@127.0.0.1:" + greenMail.getImaps().getPort() + "/INBOX";
        assertThatThrownBy(() -> MailSources.open(Specs.server(
                        uri, "secret", null, null, spool, CERTIFICATE.trustingSockets(), warnings)))
                .isInstanceOf(TenantdeskException.class)
                .hasMessageContaining("certificate is not trusted");
    }
}
