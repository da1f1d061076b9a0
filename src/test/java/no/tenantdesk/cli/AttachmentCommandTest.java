package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.Sql;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentCommandTest {

    @TempDir
    Path folder;

    Cli cli;

    String id;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        id = String.valueOf(cli.create("inquiry", "create", "--title", "Lekkasje"));
    }

    /** Every byte value, twice: what a text-only path would mangle. */
    private static byte[] binary() {
        byte[] data = new byte[512];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    private JsonNode add(Path... files) {
        String[] args = new String[files.length + 4];
        args[0] = "attachment";
        args[1] = "add";
        args[2] = id;
        args[3] = "--json";
        for (int i = 0; i < files.length; i++) {
            args[4 + i] = files[i].toString();
        }
        CommandResult result = cli.run(args);
        assertThat(result).succeeded();
        return result.json();
    }

    private long blobCount() throws SQLException {
        return Long.parseLong(Sql.column(cli.database(), "SELECT count(*) FROM blob").get(0));
    }

    @Test
    void sameBytesUnderTwoNamesAreStoredOnce() throws SQLException {
        JsonNode stored = add(cli.file("a.jpg", binary()), cli.file("b.jpg", binary()));

        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get("sha256").asText()).isEqualTo(stored.get(1).get("sha256").asText())
                .hasSize(64);
        assertThat(stored.get(0).get("size").asLong()).isEqualTo(512);
        assertThat(blobCount()).isEqualTo(1);
    }

    @Test
    void getToAFileRoundTripsTheBytesExactly() throws IOException {
        String attachment = add(cli.file("scan.pdf", binary())).get(0).get("id").asText();
        Path target = folder.resolve("copy.pdf");

        assertThat(cli.run("attachment", "get", attachment, "-o", target.toString())).succeeded().printed("Saved");

        assertThat(Files.readAllBytes(target)).isEqualTo(binary());
    }

    /** Stored in pieces of 1 MiB (store/Blobs), it comes back whole and exact, to a file and to stdout. */
    @Test
    void aFileOfSeveralPiecesComesBackExactly() throws IOException {
        byte[] photo = new byte[3 * 1024 * 1024 + 1000];
        new java.util.Random(42).nextBytes(photo);
        JsonNode stored = add(cli.file("photo.jpg", photo)).get(0);
        assertThat(stored.get("size").asLong()).isEqualTo(photo.length);
        Path target = folder.resolve("copy.jpg");

        assertThat(cli.run("attachment", "get", stored.get("id").asText(), "-o", target.toString())).succeeded()
                .printed("Saved", "(3.1 MB)");
        CommandResult piped = cli.run("attachment", "get", stored.get("id").asText(), "-o", "-");

        assertThat(Files.readAllBytes(target)).isEqualTo(photo);
        assertThat(piped).succeeded().stderrIsEmpty();
        assertThat(piped.rawOut()).isEqualTo(photo);
    }

    @Test
    void getIntoAFolderUsesTheStoredName() throws IOException {
        String attachment = add(cli.file("scan.pdf", binary())).get(0).get("id").asText();
        Path out = Files.createDirectory(folder.resolve("out"));

        assertThat(cli.run("attachment", "get", attachment, "-o", out.toString())).succeeded();

        assertThat(Files.readAllBytes(out.resolve("scan.pdf"))).isEqualTo(binary());
    }

    @Test
    void aUrlOrAnEmptyPathAsTheTargetIsRefusedAndNothingIsWritten() throws IOException {
        String attachment = add(cli.file("scan.pdf", binary())).get(0).get("id").asText();

        assertThat(cli.run("attachment", "get", attachment, "-o", "https://files.example/scan.pdf"))
                .failedWith(2, "'https://files.example/scan.pdf' is a URL; give a file's path");
        assertThat(cli.run("attachment", "get", attachment, "-o", "")).failedWith(2, "a file's path is empty");
        try (var left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("https"));
        }
    }

    @Test
    void aFileInAFolderThatIsNotThereIsAUsageErrorNamingTheFolder() {
        String attachment = add(cli.file("scan.pdf", binary())).get(0).get("id").asText();
        Path missing = folder.resolve("nowhere");

        assertThat(cli.run("attachment", "get", attachment, "-o", missing.resolve("scan.pdf").toString()))
                .failedWith(2, "folder " + missing + " does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void dashWritesTheRawBytesToStdoutAndNothingElse() {
        String attachment = add(cli.file("scan.pdf", binary())).get(0).get("id").asText();

        CommandResult result = cli.run("attachment", "get", attachment, "-o", "-");

        assertThat(result).succeeded().stderrIsEmpty();
        assertThat(result.rawOut()).isEqualTo(binary());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anExistingFileIsKeptWithoutForce() throws IOException {
        String attachment = add(cli.file("scan.pdf", binary())).get(0).get("id").asText();
        Path existing = cli.file("existing.pdf", "keep me");

        assertThat(cli.run("attachment", "get", attachment, "-o", existing.toString()))
                .failedWith(2, "file exists: " + existing);
        assertThat(Files.readString(existing)).isEqualTo("keep me");

        assertThat(cli.run("attachment", "get", attachment, "-o", existing.toString(), "--force")).succeeded();
        assertThat(Files.readAllBytes(existing)).isEqualTo(binary());
    }

    @Test
    void unknownAttachmentIsNotFound() {
        assertThat(cli.run("attachment", "get", "99", "-o", "-")).failedWith(3, "attachment 99 not found");
    }

    @Test
    void aMissingFileAmongSeveralStoresNone() {
        Path good = cli.file("good.jpg", "ok");

        assertThat(cli.run("attachment", "add", id, good.toString(), folder.resolve("missing.jpg").toString()))
                .failedWith(2, "no such file: " + folder.resolve("missing.jpg"));

        assertThat(cli.run("attachment", "list", id, "--json").json()).isEmpty();
    }

    @Test
    void listShowsWhatEachFileBelongsTo() {
        add(cli.file("direct.jpg", "1"));
        cli.run("comment", id, "-m", "Se vedlegg", "--attach", cli.file("on-comment.png", "2").toString());

        CommandResult result = cli.run("attachment", "list", id);

        assertThat(result).succeeded().printed("FILE", "direct.jpg", "image/jpeg", "inquiry", "on-comment.png",
                "comment ");
        JsonNode json = cli.run("attachment", "list", id, "--json").json();
        assertThat(json).extracting(a -> a.get("filename").asText()).containsExactly("direct.jpg", "on-comment.png");
        assertThat(json.get(1).get("commentId").isNull()).isFalse();
    }

    @Test
    void anInquiryWithoutFilesSaysSoOnStderr() {
        CommandResult result = cli.run("attachment", "list", id);

        assertThat(result).succeeded();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("has no files");
    }

    @Test
    void addingToAnUnknownInquiryIsNotFound() {
        assertThat(cli.run("attachment", "add", "99", cli.file("x.jpg", "x").toString()))
                .failedWith(3, "inquiry 99 not found");
    }

    @Test
    void sha256IsTheDigestOfTheContent() throws Exception {
        JsonNode stored = add(cli.file("hello.txt", "hello")).get(0);

        assertThat(stored.get("sha256").asText()).isEqualTo(
                HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest("hello".getBytes())));
        assertThat(stored.get("contentType").asText()).isEqualTo("text/plain");
    }

    /** A URL where a file goes is refused, not read as a folder named "https:"; and so is an empty path. */
    @Test
    void aUrlOrNothingWhereAFileGoesIsRefused() {
        cli.create("inquiry", "create", "--title", "Knust rute");

        assertThat(cli.run("attachment", "add", "1", "https://bilder.example/rute.jpg")).failedWith(2,
                "'https://bilder.example/rute.jpg' is a URL; give a file's path");
        assertThat(cli.run("comment", "1", "--file", "file:///tmp/notat.txt")).failedWith(2,
                "'file:///tmp/notat.txt' is a URL; give a file's path");
        assertThat(cli.run("inquiry", "create", "--title", "x", "--attach", "")).failedWith(2,
                "a file's path is empty");
        assertThat(cli.run("db", "backup", "s3://backups/td.db")).failedWith(2, "is a URL; give a file's path");
        assertThat(cli.run("inquiry", "list", "--json").json()).hasSize(2); // the one setUp made, and Knust rute
    }
}
