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
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import no.tenantdesk.testing.Dovecot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The IMAP source against a real Dovecot: what GreenMail might get wrong or leave out (MOVE, UIDPLUS, flags). */
class DovecotIT {

    @RegisterExtension
    final Dovecot dovecot = new Dovecot();

    @TempDir
    Path spool;

    final List<String> warnings = new ArrayList<>();

    MailSource open(AfterImport afterImport, String moveTo) {
        return MailSources.open(Specs.clearText(
                dovecot.uri("INBOX"), dovecot.password(), afterImport, moveTo, spool, warnings));
    }

    void deliverThree() {
        for (int n = 1; n <= 3; n++) {
            dovecot.deliver(ImapSourceTest.message(n));
        }
    }

    @Test
    void seenFetchesExactBytesAndFlagsOnlyWhatWasAcknowledged() throws Exception {
        deliverThree();
        try (MailSource source = open(AfterImport.SEEN, null)) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).hasSize(3).allSatisfy(w -> assertThat(w.key()).matches("\\d+:\\d+"));
            for (int n = 1; n <= 3; n++) {
                try (RawMessage raw = source.fetch(waiting.get(n - 1))) {
                    assertThat(Files.readString(raw.file(), US_ASCII)).isEqualTo(ImapSourceTest.message(n));
                }
            }
            assertThat(fileNames(dovecot.folder("INBOX"))).noneMatch(name -> name.matches(".*:2,.*S.*"));

            source.acknowledge(waiting.subList(0, 2));

            assertThat(source.list()).containsExactly(waiting.get(2));
        }
        assertThat(fileNames(dovecot.folder("INBOX")))
                .filteredOn(name -> name.matches(".*:2,[A-Z]*S[A-Z]*"))
                .hasSize(2);
        try (MailSource source = open(AfterImport.SEEN, null)) {
            List<Waiting> left = source.list();
            assertThat(left).hasSize(1);
            source.acknowledge(left);
            assertThat(source.list()).isEmpty();
        }
        try (MailSource source = open(AfterImport.SEEN, null)) {
            assertThat(source.list()).isEmpty();
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void moveTakesAcknowledgedMessagesIntoTheFolder() throws Exception {
        dovecot.createFolder("Imported");
        deliverThree();
        List<Waiting> waiting;
        try (MailSource source = open(AfterImport.MOVE, "Imported")) {
            waiting = source.list();
            assertThat(waiting).hasSize(3);
            source.acknowledge(waiting.subList(0, 2));
            assertThat(source.list()).containsExactly(waiting.get(2));
        }
        assertThat(fileNames(dovecot.folder("Imported"))).hasSize(2);
        assertThat(fileNames(dovecot.folder("INBOX"))).hasSize(1);
        try (MailSource source = open(AfterImport.MOVE, "Imported")) {
            assertThat(source.list()).containsExactly(waiting.get(2));
        }
    }

    @Test
    void deleteExpungesWithUidExpunge() throws Exception {
        deliverThree();
        try (MailSource source = open(AfterImport.DELETE, null)) {
            List<Waiting> waiting = source.list();
            source.acknowledge(List.of(waiting.get(1)));
            assertThat(source.list()).containsExactly(waiting.get(0), waiting.get(2));
        }
        assertThat(fileNames(dovecot.folder("INBOX"))).hasSize(2);
    }

    @Test
    void aWrongPasswordIsALoginFailureAndAMissingFolderIsNamed() {
        assertThatThrownBy(() -> MailSources.open(
                        Specs.clearText(dovecot.uri("INBOX"), "wrong", null, null, spool, warnings)))
                .isInstanceOf(TenantdeskException.class)
                .isNotInstanceOf(TemporaryFailureException.class)
                .hasMessage(dovecot.uri("INBOX") + ": login failed");
        assertThatThrownBy(() -> open(AfterImport.MOVE, "Nowhere"))
                .isInstanceOf(TenantdeskException.class)
                .hasMessageContaining("\"Nowhere\"");
    }

    private static List<String> fileNames(Path maildir) throws IOException {
        List<String> names = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            try (Stream<Path> files = Files.list(maildir.resolve(sub))) {
                files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(names::add);
            }
        }
        return names;
    }
}
