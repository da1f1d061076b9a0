package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.Maildir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attachment get writes new files only, never through a link, under names any file system takes. */
class AttachmentGetSafetyTest {

    @TempDir
    Path folder;

    Cli cli;
    Path out;
    Path victim;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(folder);
        out = Files.createDirectory(folder.resolve("ut"));
        victim = Files.writeString(folder.resolve("victim.txt"), "the user's own file");
    }

    /** A tenant's mail with one attachment of this name (RFC 2231, UTF-8), fetched: attachment 1. */
    void mailWithAttachment(String name) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        new Maildir(folder.resolve("Maildir")).deliver(String.join("\r\n",
                "From: Kari <kari@example.no>", "Subject: Bilde", "Message-ID: <bilde@example.no>",
                "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=b", "", "--b",
                "Content-Type: text/plain; charset=utf-8", "", "Se vedlegg.", "--b",
                "Content-Type: application/octet-stream",
                "Content-Disposition: attachment; filename*=UTF-8''" + encoded,
                "Content-Transfer-Encoding: base64", "", "aGVpIQ==", "--b--", ""));
        assertThat(cli.run("fetch-mail", "--source", "maildir:" + folder.resolve("Maildir"))).succeeded();
    }

    List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aLinkPlantedUnderTheTenantsNameIsNeitherFollowedNorReplaced() throws IOException {
        mailWithAttachment("bilde.jpg");
        Path link = Files.createSymbolicLink(out.resolve("bilde.jpg"), victim);
        Path dangling = Files.createSymbolicLink(out.resolve("bilde (1).jpg"), folder.resolve("created-by-us"));

        assertThat(cli.run("attachment", "get", "1", "-o", out.toString())).succeeded()
                .printed("Saved " + out.resolve("bilde (2).jpg"));

        assertThat(victim).hasContent("the user's own file");
        assertThat(folder.resolve("created-by-us")).doesNotExist();
        assertThat(Files.isSymbolicLink(link) && Files.isSymbolicLink(dangling)).isTrue();
        assertThat(out.resolve("bilde (2).jpg")).hasContent("hei!");
    }

    @Test
    void forceReplacesTheLinkItselfAndNotWhatItPointsTo() throws IOException {
        mailWithAttachment("bilde.jpg");
        Path link = Files.createSymbolicLink(out.resolve("bilde.jpg"), victim);

        assertThat(cli.run("attachment", "get", "1", "-o", out.toString(), "--force")).succeeded();

        assertThat(victim).hasContent("the user's own file");
        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(link).hasContent("hei!");
    }

    @Test
    void eachGetOfTheSameAttachmentTakesTheNextFreeName() throws IOException {
        mailWithAttachment("bilde.jpg");

        for (int i = 0; i < 3; i++) {
            assertThat(cli.run("attachment", "get", "1", "-o", out.toString())).succeeded();
        }

        assertThat(names(out)).containsExactly("bilde (1).jpg", "bilde (2).jpg", "bilde.jpg");
    }

    @Test
    void aFileNamedWithMinusOIsNeverOverwrittenWithoutForce() throws IOException {
        mailWithAttachment("bilde.jpg");
        Path link = Files.createSymbolicLink(folder.resolve("kopi.jpg"), victim);

        assertThat(cli.run("attachment", "get", "1", "-o", link.toString()))
                .failedWith(2, "file exists: " + link + " (use --force to replace it)");
        assertThat(victim).hasContent("the user's own file");
    }

    @Test
    void aLongNorwegianNameWithEmojiIsSavedCutAtACharacter() throws IOException {
        String name = "Søknad om utbedring av fuktskade i kjelleren på Storgata 12 ".repeat(4) + "🏠👨‍👩‍👧.jpg";
        mailWithAttachment(name);

        assertThat(cli.run("attachment", "get", "1", "-o", out.toString())).succeeded();

        String saved = names(out).get(0);
        assertThat(saved.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(saved).endsWith(".jpg").doesNotContain("\uFFFD");
        assertThat(name).startsWith(saved.substring(0, saved.length() - ".jpg".length()));
        assertThat(out.resolve(saved)).hasContent("hei!");
    }

    @Test
    void aNameWindowsReservesIsSavedUnderAnother() throws IOException {
        mailWithAttachment("CON.txt");

        assertThat(cli.run("attachment", "get", "1", "-o", out.toString())).succeeded();

        assertThat(names(out)).containsExactly("_CON.txt");
    }
}
