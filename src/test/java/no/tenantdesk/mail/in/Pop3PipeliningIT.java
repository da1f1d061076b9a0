package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import no.tenantdesk.testing.Dovecot;
import no.tenantdesk.testing.LatencyProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * POP3 against a real Dovecot, which offers PIPELINING (RFC 2449): RETR and DELE go several at a time, through a
 * proxy that shows what the client sent in one go. Pop3SourceTest shows GreenMail, which does not offer it, getting
 * one RETR at a time.
 */
class Pop3PipeliningIT {

    static final int MESSAGES = 150;

    @RegisterExtension
    final Dovecot dovecot = new Dovecot().withPop3();

    @TempDir
    Path spool;

    final List<String> warnings = new ArrayList<>();
    LatencyProxy proxy;

    @BeforeEach
    void setUp() {
        proxy = new LatencyProxy(dovecot.host(), dovecot.pop3Port());
        for (int n = 1; n <= MESSAGES; n++) {
            dovecot.deliver(ImapSourceTest.message(n));
        }
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    MailSource open(AfterImport afterImport) {
        return MailSources.open(Specs.clearText("pop3://kari@127.0.0.1:" + proxy.port(), dovecot.password(),
                afterImport, null, spool, warnings));
    }

    @Test
    void retrAndDeleGoSeveralAtATimeAndEveryMessageComesByteForByte() throws Exception {
        try (MailSource source = open(AfterImport.DELETE)) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).hasSize(MESSAGES);
            source.willFetch(waiting);
            for (int n = 1; n <= MESSAGES; n++) {
                try (RawMessage raw = source.fetch(waiting.get(n - 1))) {
                    assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(n));
                }
            }
            source.markDone(waiting);
        }
        assertThat(proxy.clientLines()).filteredOn(line -> line.startsWith("RETR ")).hasSize(MESSAGES);
        // A window of RETRs goes out in one write before any answer (then one more as each answer comes).
        assertThat(proxy.clientReads()).anySatisfy(read -> assertThat(read.split("RETR ", -1)).hasSizeGreaterThan(10));
        assertThat(proxy.clientReads()).anySatisfy(read -> assertThat(read.split("DELE ", -1)).hasSizeGreaterThan(10));
        assertThat(spool).isEmptyDirectory();
        try (MailSource source = open(AfterImport.DELETE)) {
            assertThat(source.list()).isEmpty(); // QUIT deleted what DELE marked
        }
    }
}
