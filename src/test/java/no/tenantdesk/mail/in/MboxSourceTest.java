package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MboxSourceTest {

    @TempDir
    Path dir;

    private MailSource open(Path mbox) {
        return MailSources.open(Specs.local("mbox:" + mbox, null, dir.resolve("spool")));
    }

    private Path mbox(String text) throws IOException {
        return Files.writeString(dir.resolve("inbox.mbox"), text, US_ASCII);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(US_ASCII)));
    }

    private static String fetched(MailSource source, Waiting waiting) throws IOException {
        try (RawMessage raw = source.fetch(waiting)) {
            return Files.readString(raw.file(), US_ASCII);
        }
    }

    @Test
    void splitsAtFromLinesAfterEmptyLinesAndKeysBySha256OfTheMessage() throws Exception {
        String first = "From: a@example.no\nSubject: one\n\nHello\n";
        String second = "From: b@example.no\nSubject: two\n\nBye\n";
        Path file = mbox("From a@example.no Mon Jan  1 10:00:00 2024\n" + first + "\n"
                + "From b@example.no Mon Jan  1 11:00:00 2024\n" + second + "\n");
        try (MailSource source = open(file)) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).extracting(Waiting::key).containsExactly(sha256(first), sha256(second));
            assertThat(waiting.get(0).size()).isEqualTo(first.length());
            assertThat(fetched(source, waiting.get(0))).isEqualTo(first);
            assertThat(fetched(source, waiting.get(1))).isEqualTo(second);
        }
    }

    @Test
    void keysStayTheSameWhenListedAgain() throws Exception {
        Path file = mbox("From x\nSubject: one\n\nbody\n\nFrom y\nSubject: two\n\nbody\n");
        List<Waiting> firstRun;
        try (MailSource source = open(file)) {
            firstRun = source.list();
        }
        try (MailSource source = open(file)) {
            assertThat(source.list()).isEqualTo(firstRun);
        }
    }

    @Test
    void readsCrlfMboxes() throws Exception {
        String first = "Subject: one\r\n\r\nline\r\n";
        String second = "Subject: two\r\n\r\nline\r\n";
        Path file = mbox("From a Mon Jan  1 10:00:00 2024\r\n" + first + "\r\n"
                + "From b Mon Jan  1 10:00:00 2024\r\n" + second + "\r\n");
        try (MailSource source = open(file)) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).extracting(Waiting::key).containsExactly(sha256(first), sha256(second));
            assertThat(fetched(source, waiting.get(1))).isEqualTo(second);
        }
    }

    @Test
    void unescapesMboxrdFromLines() throws Exception {
        Path file = mbox("From a\nSubject: quoting\n\n>From the start\n>>From quoted\nnot >From here\n\n");
        String expected = "Subject: quoting\n\nFrom the start\n>From quoted\nnot >From here\n";
        try (MailSource source = open(file)) {
            Waiting waiting = source.list().get(0);
            assertThat(waiting.key()).isEqualTo(sha256(expected));
            assertThat(fetched(source, waiting)).isEqualTo(expected);
        }
    }

    @Test
    void fromInsideAParagraphDoesNotStartANewMessage() throws Exception {
        String message = "Subject: one\n\nI got a letter.\nFrom what I read, it is fine.\n\nRegards\n";
        try (MailSource source = open(mbox("From a\n" + message + "\n"))) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).hasSize(1);
            assertThat(fetched(source, waiting.get(0))).isEqualTo(message);
        }
    }

    @Test
    void emptyLinesInsideAMessageAreKept() throws Exception {
        String message = "Subject: one\n\npara one\n\n\npara two\n";
        try (MailSource source = open(mbox("From a\n" + message + "\nFrom b\nSubject: two\n\nx\n"))) {
            assertThat(fetched(source, source.list().get(0))).isEqualTo(message);
        }
    }

    @Test
    void identicalCopiesAreListedOnce() throws Exception {
        String message = "Subject: same\n\nsame\n";
        try (MailSource source = open(mbox("From a\n" + message + "\nFrom a\n" + message + "\n"))) {
            assertThat(source.list()).hasSize(1);
        }
    }

    @Test
    void streamsAFiveMegabyteMessage() throws Exception {
        Path file = dir.resolve("big.mbox");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long size = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("From big\n".getBytes(US_ASCII));
            byte[] header = "Subject: big\nContent-Type: text/plain\n\n".getBytes(US_ASCII);
            out.write(header);
            digest.update(header);
            size += header.length;
            // One line longer than any buffer, then many ordinary ones.
            byte[] longLine = ("x".repeat(200_000) + "\n").getBytes(US_ASCII);
            out.write(longLine);
            digest.update(longLine);
            size += longLine.length;
            byte[] line = "0123456789012345678901234567890123456789012345678901234567890123456789012\n".getBytes(US_ASCII);
            while (size < 5 * 1024 * 1024) {
                out.write(line);
                digest.update(line);
                size += line.length;
            }
            out.write("\nFrom small\nSubject: small\n\nx\n\n".getBytes(US_ASCII));
        }
        try (MailSource source = open(file)) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).hasSize(2);
            assertThat(waiting.get(0).key()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
            assertThat(waiting.get(0).size()).isEqualTo(size);
            try (RawMessage raw = source.fetch(waiting.get(0))) {
                assertThat(raw.size()).isEqualTo(size);
            }
        }
    }

    @Test
    void aChangedFileIsNoticedAtFetch() throws Exception {
        Path file = mbox("From a\nSubject: one\n\nbody\n");
        try (MailSource source = open(file)) {
            Waiting waiting = source.list().get(0);
            mbox("From a\nSubject: two\n\nbody\n");
            assertThatThrownBy(() -> source.fetch(waiting))
                    .isInstanceOf(TenantdeskException.class)
                    .hasMessageContaining("changed");
        }
        assertThat(dir.resolve("spool")).isEmptyDirectory();
    }

    @Test
    void fetchedCopiesGoWhenClosed() throws Exception {
        try (MailSource source = open(mbox("From a\nSubject: one\n\nbody\n"))) {
            RawMessage raw = source.fetch(source.list().get(0));
            assertThat(raw.file()).startsWith(dir.resolve("spool"));
            raw.close();
            assertThat(raw.file()).doesNotExist();
        }
    }

    @Test
    void aFileThatDoesNotStartWithFromIsNoMbox() throws Exception {
        Path file = mbox("Subject: just a message\n\nbody\n");
        try (MailSource source = open(file)) {
            assertThatThrownBy(source::list).isInstanceOf(InvalidInputException.class).hasMessageContaining("not an mbox");
        }
    }

    @Test
    void anEmptyFileHasNoMessages() throws Exception {
        try (MailSource source = open(mbox(""))) {
            assertThat(source.list()).isEmpty();
        }
    }

    @Test
    void anMboxIsReadOnly() throws Exception {
        Path file = mbox("");
        for (AfterImport afterImport : List.of(AfterImport.SEEN, AfterImport.MOVE, AfterImport.DELETE)) {
            assertThatThrownBy(() -> MailSources.open(Specs.local("mbox:" + file, afterImport, dir)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("read only");
        }
        MailSources.open(Specs.local("mbox:" + file, AfterImport.KEEP, dir)).close();
    }
}
