package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
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
 * IMAP bodies in ranges against a real Dovecot, through a proxy that keeps the commands it passed and can cut the
 * connection: many small messages per UID FETCH, a large one in pieces, messages another client expunges meanwhile,
 * and a connection lost in the middle of a range.
 */
class ImapRangesIT {

    @RegisterExtension
    final Dovecot dovecot = new Dovecot();

    @TempDir
    Path spool;

    final List<String> warnings = new ArrayList<>();
    LatencyProxy proxy;

    @BeforeEach
    void proxy() {
        proxy = new LatencyProxy(dovecot.host(), dovecot.port());
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    MailSource open(AfterImport afterImport) {
        return MailSources.open(Specs.clearText("imap://kari@127.0.0.1:" + proxy.port() + "/INBOX",
                dovecot.password(), afterImport, null, spool, warnings));
    }

    List<String> uidFetches() {
        return proxy.clientLines().stream().filter(line -> line.matches("\\S+ UID FETCH .*BODY\\.PEEK.*")).toList();
    }

    static String large(int bytes) {
        String line = "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz012345678\r\n";
        return "From: kari@example.no\r\nSubject: Bilder\r\nMessage-ID: <large@example.no>\r\n\r\n"
                + line.repeat(bytes / line.length());
    }

    @Test
    void smallMessagesComeFiveHundredToAUidFetchByteForByte() throws Exception {
        for (int n = 1; n <= 1200; n++) {
            dovecot.deliver(ImapSourceTest.message(n));
        }
        try (MailSource source = open(AfterImport.SEEN)) {
            List<Waiting> waiting = source.list();
            source.willFetch(waiting);
            for (int n = 1; n <= 1200; n++) {
                try (RawMessage raw = source.fetch(waiting.get(n - 1))) {
                    assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(n));
                }
            }
        }
        assertThat(uidFetches()).hasSize(3);
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void aLargeMessageComesInPiecesBesideSmallOnesWhole() throws Exception {
        String large = large(10 * 1024 * 1024);
        dovecot.deliver(ImapSourceTest.message(1));
        dovecot.deliver(large);
        dovecot.deliver(ImapSourceTest.message(3));
        try (MailSource source = open(AfterImport.SEEN)) {
            List<Waiting> waiting = source.list();
            source.willFetch(waiting);
            List<String> fetched = new ArrayList<>();
            for (Waiting w : waiting) {
                try (RawMessage raw = source.fetch(w)) {
                    fetched.add(Files.readString(raw.file(), US_ASCII));
                }
            }
            assertThat(fetched).containsExactly(ImapSourceTest.message(1), large, ImapSourceTest.message(3));
        }
        // The first of 1, 2 and 3 (16 MiB fit), then the large one's second and third 4 MiB pieces.
        assertThat(uidFetches()).hasSize(3);
        assertThat(uidFetches().get(1)).contains("<4194304.4194304>");
    }

    @Test
    void messagesAnotherClientExpungesMeanwhileAreGoneAndTheRestCome() throws Exception {
        for (int n = 1; n <= 6; n++) {
            dovecot.deliver(ImapSourceTest.message(n));
        }
        try (MailSource source = open(AfterImport.SEEN)) {
            List<Waiting> waiting = source.list();
            source.willFetch(waiting);
            try (MailSource other = open(AfterImport.DELETE)) {
                other.markDone(List.of(waiting.get(1), waiting.get(4))); // expunged while this one has them listed
            }
            List<Integer> came = new ArrayList<>();
            for (int n = 1; n <= 6; n++) {
                Waiting w = waiting.get(n - 1);
                if (n == 2 || n == 5) {
                    assertThatThrownBy(() -> source.fetch(w))
                            .isInstanceOf(TenantdeskException.class)
                            .isNotInstanceOf(TemporaryFailureException.class)
                            .hasMessageEndingWith("is no longer in the folder");
                    continue;
                }
                try (RawMessage raw = source.fetch(w)) {
                    assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(n));
                    came.add(n);
                }
            }
            assertThat(came).containsExactly(1, 3, 4, 6);
            source.markDone(waiting); // the two gone are passed over
            assertThat(source.list()).isEmpty();
        }
        assertThat(uidFetches()).hasSize(1);
    }

    @Test
    void aConnectionCutMidRangeKeepsTheMessagesThatCameWholeAndFailsTheRestAsTemporary() throws Exception {
        for (int n = 1; n <= 200; n++) {
            dovecot.deliver(ImapSourceTest.message(n));
        }
        try (MailSource source = open(AfterImport.SEEN)) {
            List<Waiting> waiting = source.list();
            source.willFetch(waiting);
            proxy.cutAfterServerSends(60 * ImapSourceTest.message(100).length());

            List<Integer> came = new ArrayList<>();
            TenantdeskException failure = null;
            for (int n = 1; n <= 200 && failure == null; n++) {
                try (RawMessage raw = source.fetch(waiting.get(n - 1))) {
                    assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(n));
                    came.add(n);
                } catch (TenantdeskException e) {
                    failure = e;
                }
            }
            assertThat(failure).isInstanceOf(TemporaryFailureException.class);
            assertThat(came).hasSizeBetween(1, 59).last().isEqualTo(came.size());
        }
        assertThat(spool).isEmptyDirectory();
    }
}
