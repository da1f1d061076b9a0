package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import no.tenantdesk.testing.Dovecot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maildir as a real Dovecot leaves it once a mail client has opened the folder: the unread mail moved to cur/
 * (":2," without S), what the client read flagged S, and what a client saved by IMAP named with its sizes
 * (",S=…,W=…:2,"). fetch-mail reads such a Maildir directly (maildir:), as on the mail server itself.
 */
class MaildirDovecotIT {

    @RegisterExtension
    final Dovecot dovecot = new Dovecot();

    @TempDir
    Path spool;

    @Test
    void theUnreadMailDovecotMovedToCurIsImportedAndDovecotSeesItReadAfterwards() throws Exception {
        for (int n = 1; n <= 3; n++) {
            dovecot.deliver(message(n));
        }
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE); // Dovecot moves new/ to cur/ as the folder is opened read-write
            inbox.getMessage(1).getContent(); // read: \Seen
            inbox.appendMessages(new Message[] {new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(message(4).getBytes(US_ASCII)))});
            inbox.close(false);
        }
        assertThat(names("new")).isEmpty();
        assertThat(names("cur")).hasSize(4)
                .anyMatch(name -> name.matches(".*:2,S"))
                .anyMatch(name -> name.matches(".*,S=\\d+,W=\\d+:2,"));

        List<Waiting> waiting;
        try (MailSource source = MailSources.open(
                Specs.local("maildir:" + dovecot.maildir(), AfterImport.SEEN, spool))) {
            waiting = source.list();
            assertThat(waiting).hasSize(3);
            for (Waiting message : waiting) {
                try (RawMessage raw = source.fetch(message)) {
                    assertThat(Files.readString(raw.file(), US_ASCII)).startsWith("From: tenant");
                }
            }
            source.markDone(waiting);
            assertThat(source.list()).isEmpty();
        }

        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(4);
            assertThat(Arrays.stream(inbox.getMessages())).allSatisfy(message ->
                    assertThat(message.isSet(Flags.Flag.SEEN)).isTrue());
            inbox.close(false);
        }
        assertThat(dovecot.log()).doesNotContain("Error");
    }

    private static String message(int n) {
        return "From: tenant" + n + "@example.no\r\nTo: kari@example.no\r\nSubject: Leak " + n
                + "\r\nMessage-ID: <m" + n + "@example.no>\r\n\r\nWater in flat " + n + ".\r\n";
    }

    private Store imap() throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(dovecot.host(), dovecot.port(), dovecot.user(), dovecot.password());
        return store;
    }

    private List<String> names(String folder) throws IOException {
        try (Stream<Path> files = Files.list(dovecot.maildir().resolve(folder))) {
            return files.map(f -> f.getFileName().toString()).filter(name -> !name.startsWith(".")).toList();
        }
    }
}
