package no.tenantdesk.mail;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Dovecot;
import no.tenantdesk.testing.LatencyProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetch-mail end to end against a real Dovecot whose connection is cut in the middle of a UID FETCH range: the run
 * files what came whole, moves to the archive only what it committed, and ends as a temporary failure (exit 75); the
 * next run files the rest. Every message becomes one inquiry, none is lost and none comes twice.
 */
class CutMidRangeIT {

    static final int MESSAGES = 300;

    @RegisterExtension
    final Dovecot dovecot = new Dovecot();

    @TempDir
    Path folder;

    LatencyProxy proxy;
    Cli cli;

    @BeforeEach
    void setUp() {
        proxy = new LatencyProxy(dovecot.host(), dovecot.port());
        cli = new Cli(folder).env("TENANTDESK_MAIL_PASSWORD", dovecot.password());
        dovecot.createFolder("Arkiv");
        for (int n = 1; n <= MESSAGES; n++) {
            dovecot.deliver(message(n));
        }
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    static String message(int n) {
        return "From: Leietaker " + n + " <leietaker" + n + "@example.no>\r\nTo: drift@example.no\r\n"
                + "Subject: Sak nummer " + n + "\r\nMessage-ID: <sak-" + n + "@example.no>\r\n"
                + "Date: Sun, 6 Dec 2026 10:00:00 +0100\r\n\r\nDet gjelder leilighet " + n + ".\r\n";
    }

    CommandResult fetch() {
        return cli.run("fetch-mail", "--source", "imap://kari@127.0.0.1:" + proxy.port() + "/INBOX", "--tls", "none",
                "--after-import", "move", "--move-to", "Arkiv", "--json");
    }

    @Test
    void aRunCutMidRangeFilesWhatCameWholeAndTheNextRunFilesTheRestOnce() throws Exception {
        // About a third of the bodies, in the first UID FETCH of all 300.
        proxy.cutAfterServerSends(MESSAGES / 3 * message(100).length());

        CommandResult cut = fetch();

        assertThat(cut).exitedWith(75);
        int first = inquiries().size();
        assertThat(first).isBetween(1, MESSAGES - 1);
        // Acknowledged (moved) only once committed: never more than were filed.
        assertThat(FetchMailDovecotIT.messagesIn(dovecot.folder("Arkiv"))).isLessThanOrEqualTo(first);

        CommandResult rest = fetch();

        assertThat(rest).succeeded();
        assertThat(rest.json().get("created").asInt()).isEqualTo(MESSAGES - first);
        Set<String> titles = new HashSet<>();
        for (JsonNode inquiry : inquiries()) {
            titles.add(inquiry.get("title").asText());
        }
        assertThat(titles).hasSize(MESSAGES).contains("Sak nummer 1", "Sak nummer " + MESSAGES);
        assertThat(FetchMailDovecotIT.messagesIn(dovecot.folder("INBOX"))).isZero();
        assertThat(FetchMailDovecotIT.messagesIn(dovecot.folder("Arkiv"))).isEqualTo(MESSAGES);
    }

    JsonNode inquiries() {
        return cli.run("inquiry", "list", "--status", "all", "--limit", "1000", "--json").json();
    }
}
