package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.testing.GreenMailTls;
import no.tenantdesk.testing.LatencyProxy;
import no.tenantdesk.testing.TestCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** POP3 and pop3s against GreenMail, in-process. */
class Pop3SourceTest {

    private static final TestCertificate CERTIFICATE = GreenMailTls.certificate();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.POP3.dynamicPort(), ServerSetupTest.POP3S.dynamicPort()});

    @TempDir
    Path spool;

    GreenMailUser kari;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void user() {
        kari = greenMail.setUser("kari@example.no", "kari", "secret");
    }

    void deliver(String text) throws Exception {
        kari.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(US_ASCII))));
    }

    String uri() {
        return "pop3://kari@127.0.0.1:" + greenMail.getPop3().getPort();
    }

    MailSource open(AfterImport afterImport) {
        return MailSources.open(Specs.clearText(uri(), "secret", afterImport, null, spool, warnings));
    }

    @Test
    void keepListsByUidlFetchesWholeMessagesAndLeavesThemOnTheServer() throws Exception {
        deliver(ImapSourceTest.message(1));
        deliver(ImapSourceTest.message(2));
        List<Waiting> first;
        try (MailSource source = open(null)) {
            first = source.list();
            assertThat(first).hasSize(2);
            try (RawMessage raw = source.fetch(first.get(1))) {
                assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(2));
            }
            source.markDone(first);
        }
        try (MailSource source = open(null)) {
            assertThat(source.list()).isEqualTo(first);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(warnings).isEmpty();
    }

    @Test
    void deleteRemovesAcknowledgedMessagesWhenTheSessionEnds() throws Exception {
        deliver(ImapSourceTest.message(1));
        deliver(ImapSourceTest.message(2));
        List<Waiting> waiting;
        try (MailSource source = open(AfterImport.DELETE)) {
            waiting = source.list();
            source.fetch(waiting.get(0)).close();
            source.markDone(List.of(waiting.get(0)));
        }
        try (MailSource source = open(AfterImport.DELETE)) {
            assertThat(source.list()).containsExactly(waiting.get(1));
            // Keys from an earlier run are enough: nothing was listed or fetched in this session before.
        }
        try (MailSource source = open(AfterImport.DELETE)) {
            source.markDone(List.of(waiting.get(1)));
        }
        try (MailSource source = open(null)) {
            assertThat(source.list()).isEmpty();
        }
    }

    @Test
    void aLargeMessageArrivesWhole() throws Exception {
        String big = "Subject: big\r\n\r\n" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\r\n"
                .repeat(20_000);
        deliver(big);
        try (MailSource source = open(null);
                RawMessage raw = source.fetch(source.list().get(0))) {
            assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(big);
            // RETR went straight into a file in the spool, not into memory.
            assertThat(raw.file().getParent()).isEqualTo(spool);
        }
        assertThat(spool).isEmptyDirectory();
    }

    /** GreenMail offers no PIPELINING (its CAPA says UIDL and SASL only): each RETR waits for the last answer. */
    @Test
    void aServerWithoutPipeliningGetsOneRetrAtATime() throws Exception {
        for (int n = 1; n <= 20; n++) {
            deliver(ImapSourceTest.message(n));
        }
        try (LatencyProxy proxy = new LatencyProxy("127.0.0.1", greenMail.getPop3().getPort())) {
            try (MailSource source = MailSources.open(Specs.clearText("pop3://kari@127.0.0.1:" + proxy.port(),
                    "secret", null, null, spool, warnings))) {
                List<Waiting> waiting = source.list();
                source.willFetch(waiting);
                for (int n = 1; n <= 20; n++) {
                    try (RawMessage raw = source.fetch(waiting.get(n - 1))) {
                        assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(n));
                    }
                }
            }
            assertThat(proxy.clientLines()).filteredOn(line -> line.startsWith("RETR ")).hasSize(20);
            assertThat(proxy.clientReads()).filteredOn(read -> read.contains("RETR "))
                    .hasSize(20).allSatisfy(read -> assertThat(read).containsOnlyOnce("RETR "));
        }
    }

    @Test
    void aWrongPasswordIsALoginFailure() {
        assertThatThrownBy(() -> MailSources.open(Specs.clearText(uri(), "wrong", null, null, spool, warnings)))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessage(uri() + ": login failed");
    }

    @Test
    void pop3sTrustsOnlyWhatItIsToldTo() throws Exception {
        GreenMailTls.assertInstalled();
        deliver(ImapSourceTest.message(1));
        String uri = "pop3s://kari@localhost:" + greenMail.getPop3s().getPort();
        assertThatThrownBy(() -> MailSources.open(Specs.server(uri, "secret", null, null, spool, null, warnings)))
                .isInstanceOf(TenantdeskException.class)
                .hasMessageContaining("certificate is not trusted");
        try (MailSource source = MailSources.open(Specs.server(
                        uri, "secret", null, null, spool, CERTIFICATE.trustingSockets(), warnings));
                RawMessage raw = source.fetch(source.list().get(0))) {
            assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(1));
        }
    }
}
