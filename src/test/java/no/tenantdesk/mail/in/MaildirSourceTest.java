package no.tenantdesk.mail.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.mail.in.MailSource.Waiting;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirSourceTest {

    @TempDir
    Path dir;

    Path maildir;

    @BeforeEach
    void makeMaildir() throws IOException {
        maildir = dir.resolve("Maildir");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
    }

    private Path put(String folder, String fileName, String text, long secondsAgo) throws IOException {
        Path file = Files.writeString(maildir.resolve(folder).resolve(fileName), text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - secondsAgo * 1000));
        return file;
    }

    private MailSource open(AfterImport afterImport) {
        return MailSources.open(Specs.local("maildir:" + maildir, afterImport, dir.resolve("spool")));
    }

    @Test
    void listsNewAndUnseenCurOldestFirstSkippingSeenDotfilesAndTmp() throws IOException {
        put("new", "300.M2.host", "Subject: newest\n\nc\n", 10);
        put("new", "100.M1.host", "Subject: oldest\n\na\n", 300);
        put("cur", "200.M3.host:2,F", "Subject: flagged, not seen\n\nb\n", 200);
        put("cur", "150.M4.host:2,RS", "Subject: seen\n\n", 250);
        put("new", ".hidden", "x", 50);
        put("tmp", "120.M5.host", "Subject: still being written\n\n", 100);
        Files.createDirectory(maildir.resolve("new").resolve("130.M6.host")); // a folder is no message

        try (MailSource source = open(null)) {
            assertThat(source.list()).extracting(Waiting::key).containsExactly("100.M1.host", "200.M3.host", "300.M2.host");
            assertThat(source.list().get(0).size()).isEqualTo("Subject: oldest\n\na\n".length());
        }
    }

    @Test
    void fetchHandsOverTheFileItselfAndLeavesItAlone() throws IOException {
        Path file = put("new", "100.M1.host", "Subject: hello\n\nbody\n", 10);
        try (MailSource source = open(null)) {
            Waiting waiting = source.list().get(0);
            try (RawMessage raw = source.fetch(waiting)) {
                assertThat(raw.file()).isEqualTo(file);
                assertThat(raw.key()).isEqualTo("100.M1.host");
            }
            assertThat(file).exists();
        }
    }

    @Test
    void acknowledgeMovesToCurWithTheSeenFlagAddedInOrder() throws IOException {
        put("new", "100.M1.host", "a", 30);
        put("cur", "200.M2.host:2,FR", "b", 20);
        try (MailSource source = open(AfterImport.SEEN)) {
            source.markDone(source.list());
            assertThat(source.list()).isEmpty();
        }
        assertThat(names("new")).isEmpty();
        assertThat(names("cur")).containsExactlyInAnyOrder("100.M1.host:2,S", "200.M2.host:2,FRS");
    }

    @Test
    void acknowledgeWorksFromKeysAloneAndIgnoresMessagesThatAreGone() throws IOException {
        put("cur", "100.M1.host:2,", "a", 30);
        try (MailSource source = open(null)) {
            source.markDone(List.of(new Waiting("100.M1.host", -1), new Waiting("999.gone.host", -1)));
        }
        assertThat(names("cur")).containsExactly("100.M1.host:2,S");
    }

    @Test
    void aMessageAnotherClientMovedIsFoundInItsNewPlace() throws IOException {
        Path file = put("new", "100.M1.host", "a", 30);
        try (MailSource source = open(null)) {
            Waiting waiting = source.list().get(0);
            Files.move(file, maildir.resolve("cur/100.M1.host:2,T"));
            try (RawMessage raw = source.fetch(waiting)) {
                assertThat(raw.file()).isEqualTo(maildir.resolve("cur/100.M1.host:2,T"));
            }
            source.markDone(List.of(waiting));
        }
        assertThat(names("cur")).containsExactly("100.M1.host:2,ST");
    }

    @Test
    void aMailboxAsMuttLeavesItHasItsOldUnreadMailInCur() throws IOException {
        // mutt moves what it has shown in the index to cur/ as "old" (":2," without S) and keeps flags in the name.
        put("cur", "100.M1.host:2,", "old, unread", 40);
        put("cur", "110.M2.host:2,F", "flagged, unread", 30);
        put("cur", "120.M3.host:2,RS", "read and answered", 20);
        put("new", "130.M4.host", "new", 10);
        try (MailSource source = open(AfterImport.SEEN)) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).extracting(Waiting::key).containsExactly("100.M1.host", "110.M2.host", "130.M4.host");
            source.markDone(waiting);
            assertThat(source.list()).isEmpty();
        }
        assertThat(names("cur")).containsExactlyInAnyOrder(
                "100.M1.host:2,S", "110.M2.host:2,FS", "120.M3.host:2,RS", "130.M4.host:2,S");
    }

    @Test
    void aMailboxAsThunderbirdLeavesItHasFilesInCurWithoutInfo() throws IOException {
        // Thunderbird's Maildir store keeps its flags in its own index: the files in cur/ have no ":2," at all.
        put("cur", "1700000000.abc123.eml", "Subject: a\n\na\n", 20);
        put("cur", "1700000001.def456.eml", "Subject: b\n\nb\n", 10);
        try (MailSource source = open(AfterImport.SEEN)) {
            List<Waiting> waiting = source.list();
            assertThat(waiting).extracting(Waiting::key)
                    .containsExactly("1700000000.abc123.eml", "1700000001.def456.eml");
            try (RawMessage raw = source.fetch(waiting.get(1))) {
                assertThat(Files.readString(raw.file())).isEqualTo("Subject: b\n\nb\n");
            }
            source.markDone(waiting);
        }
        assertThat(names("cur")).containsExactlyInAnyOrder("1700000000.abc123.eml:2,S", "1700000001.def456.eml:2,S");
    }

    @Test
    void aFileInNewWithAnInfoSuffixIsListedAndMarkedDoneInCur() throws IOException {
        put("new", "100.M1.host:2,", "a", 20);
        put("new", "110.M2.host,S=1,W=1:2,", "b", 10);
        try (MailSource source = open(AfterImport.SEEN)) {
            source.markDone(source.list());
        }
        assertThat(names("new")).isEmpty();
        assertThat(names("cur")).containsExactlyInAnyOrder("100.M1.host:2,S", "110.M2.host,S=1,W=1:2,S");
    }

    @Test
    void aMessageWhoseFlagsAnotherClientChangedAfterTheListingIsStillMarkedDone() throws IOException {
        Path file = put("cur", "100.M1.host:2,", "a", 20);
        put("new", "110.M2.host", "b", 10);
        try (MailSource source = open(AfterImport.SEEN)) {
            List<Waiting> waiting = source.list();
            Files.move(file, maildir.resolve("cur/100.M1.host:2,F"));
            Files.move(maildir.resolve("new/110.M2.host"), maildir.resolve("cur/110.M2.host:2,"));
            source.markDone(waiting);
        }
        assertThat(names("cur")).containsExactlyInAnyOrder("100.M1.host:2,FS", "110.M2.host:2,S");
    }

    @Test
    void fetchingAndMarkingDoneGoStraightToTheListedFilesWithoutListingTheFoldersAgain() throws IOException {
        for (int n = 0; n < 200; n++) {
            put(n % 2 == 0 ? "cur" : "new", (1000 + n) + ".M" + n + ".host" + (n % 4 < 2 ? ":2," : ""), "m", 300 - n);
        }
        try (MaildirSource source = (MaildirSource) open(AfterImport.SEEN)) {
            List<Waiting> waiting = source.list();
            int listings = source.listings();
            for (Waiting message : waiting) {
                source.fetch(message).close();
            }
            source.markDone(waiting);
            assertThat(waiting).hasSize(200);
            assertThat(source.listings()).isEqualTo(listings);
        }
        assertThat(names("cur")).hasSize(200).allMatch(name -> name.endsWith(":2,S"));
    }

    @Test
    void messagesThatAreGoneCostAListingOnlyNowAndThen() throws IOException {
        for (int n = 0; n < 200; n++) {
            put("new", (1000 + n) + ".M" + n + ".host", "m", 300 - n);
        }
        try (MaildirSource source = (MaildirSource) open(AfterImport.SEEN)) {
            List<Waiting> waiting = source.list();
            int listings = source.listings();
            for (Waiting message : waiting) {
                Files.delete(maildir.resolve("new").resolve(message.key()));
            }
            source.markDone(waiting);
            // new/ and cur/ once each, for the first message missed; the rest are within the bound.
            assertThat(source.listings() - listings).isBetween(2, 2 * (200 / 64 + 1));
        }
    }

    @Test
    void keepChangesNothingAndDeleteRemovesTheFile() throws IOException {
        put("new", "100.M1.host", "a", 30);
        try (MailSource source = open(AfterImport.KEEP)) {
            source.markDone(source.list());
            assertThat(source.list()).hasSize(1);
        }
        try (MailSource source = open(AfterImport.DELETE)) {
            source.markDone(source.list());
            assertThat(source.list()).isEmpty();
        }
        assertThat(names("new")).isEmpty();
        assertThat(names("cur")).isEmpty();
    }

    @Test
    void aFolderWithoutCurNewAndTmpIsNoMaildir() throws IOException {
        Files.delete(maildir.resolve("tmp"));
        assertThatThrownBy(() -> open(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a Maildir")
                .hasMessageContaining("tmp/");
    }

    @Test
    void moveIsNotSomethingAMaildirDoes() {
        assertThatThrownBy(() -> open(AfterImport.MOVE)).isInstanceOf(InvalidInputException.class);
    }

    private List<String> names(String folder) throws IOException {
        try (Stream<Path> files = Files.list(maildir.resolve(folder))) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
