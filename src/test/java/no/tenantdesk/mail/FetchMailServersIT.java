package no.tenantdesk.mail;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Maildir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * fetch-mail end to end, from real IMAP and POP3 servers (GreenMail, in-process) into a real database. GreenMail offers
 * no STARTTLS, so these say --tls none (TlsRequiredIT: without it, no password is sent).
 */
class FetchMailServersIT {

    @RegisterExtension
    static final GreenMailExtension SERVERS =
            new GreenMailExtension(new ServerSetup[] {ServerSetupTest.IMAP, ServerSetupTest.POP3});

    @TempDir
    Path folder;

    Cli cli;
    GreenMailUser drift;

    @BeforeEach
    void setUp() {
        drift = SERVERS.setUser("drift@eiendom.example", "drift", "hemmelig");
        cli = new Cli(folder).env("TENANTDESK_MAIL_PASSWORD", "hemmelig");
    }

    private void deliver(String fixture) throws Exception {
        drift.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(Maildir.fixture(fixture))));
    }

    private String imap() {
        return "imap://drift@127.0.0.1:" + ServerSetupTest.IMAP.getPort() + "/INBOX";
    }

    private List<StoredMessage> inbox() throws Exception {
        return SERVERS.getManagers().getImapHostManager().getInbox(drift).getMessages();
    }

    @Test
    void imapMessagesBecomeInquiriesAndAreFlaggedSeenOnlyOnceStored() throws Exception {
        deliver("threading/leak-in-office-204.eml");
        deliver("threading/answer-in-reply-to.eml");
        deliver("threading/out-of-office-answer.eml");

        CommandResult result = cli.run("fetch-mail", "--source", imap(), "--tls", "none", "--json");

        assertThat(result).succeeded();
        assertThat(result.json().get("created").asInt()).isEqualTo(1);
        assertThat(result.json().get("threaded").asInt()).isEqualTo(1);
        assertThat(result.json().get("skipped").get("auto-reply").asInt()).isEqualTo(1);
        assertThat(inbox()).hasSize(3).allMatch(m -> m.isSet(Flags.Flag.SEEN));
        JsonNode again = cli.run("fetch-mail", "--source", imap(), "--tls", "none", "--json").json();
        assertThat(again.get("messages")).isEmpty();
        assertThat(again.get("sources").get(0).get("listed").asInt()).isZero();
    }

    @Test
    void aDryRunLeavesTheMessagesUnseen() throws Exception {
        deliver("threading/leak-in-office-204.eml");

        assertThat(cli.run("fetch-mail", "--source", imap(), "--tls", "none", "--dry-run")).succeeded();

        assertThat(inbox()).hasSize(1).noneMatch(m -> m.isSet(Flags.Flag.SEEN));
        assertThat(cli.run("inquiry", "list", "--json").json()).isEmpty();
    }

    @Test
    void imapCanDeleteWhatItStored() throws Exception {
        deliver("threading/leak-in-office-204.eml");

        assertThat(cli.run("fetch-mail", "--source", imap(), "--tls", "none", "--after-import", "delete")).succeeded();

        assertThat(inbox()).isEmpty();
        assertThat(cli.run("inquiry", "list", "--json").json()).hasSize(1);
    }

    @Test
    void pop3RemembersWhatItFetchedAndDeletesOnlyWhenAsked() throws Exception {
        deliver("threading/leak-in-office-204.eml");
        String pop3 = "pop3://drift@127.0.0.1:" + ServerSetupTest.POP3.getPort();

        assertThat(cli.run("fetch-mail", "--source", pop3, "--tls", "none")).succeeded();
        assertThat(inbox()).hasSize(1);
        deliver("threading/answer-in-reply-to.eml");
        JsonNode second = cli.run("fetch-mail", "--source", pop3, "--tls", "none", "--after-import", "delete",
                "--json").json();

        assertThat(second.get("alreadyFetched").asInt()).isEqualTo(1);
        assertThat(second.get("threaded").asInt()).isEqualTo(1);
        assertThat(inbox()).isEmpty();
        assertThat(cli.run("inquiry", "show", "1", "--json").json().get("comments")).hasSize(1);
    }

    @Test
    void aWrongPasswordIsAOneLineFailure() {
        CommandResult result = cli.env("TENANTDESK_MAIL_PASSWORD", "feil")
                .run("fetch-mail", "--source", imap(), "--tls", "none");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).contains("drift@127.0.0.1").doesNotContain("feil").doesNotContain("Exception");
    }

    @Test
    void aServerThatDoesNotAnswerIsATemporaryFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CommandResult result = cli.run("fetch-mail", "--source", "imap://drift@127.0.0.1:" + closedPort + "/INBOX");

        assertThat(result.exitCode()).isEqualTo(75);
        assertThat(result.err().lines()).hasSize(1);
    }
}
