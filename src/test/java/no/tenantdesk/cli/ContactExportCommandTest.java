package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `contact export`: what an access request gets, the mails byte for byte as they came in. */
class ContactExportCommandTest {

    private static final byte[] PHOTO = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    @TempDir
    Path folder;

    Cli cli;
    byte[] mail;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-12-06T10:00:00Z");
        // CRLF, a folded header and Latin-1 text: bytes a re-encoding would change.
        mail = ("From: Kari Nordmann <kari@leietaker.example>\r\nSubject: =?ISO-8859-1?Q?Lekkasje_p=E5_badet?=\r\n"
                + "Message-ID: <kari-1@leietaker.example>\r\nX-Long: one\r\n\ttwo\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain;"
                + " charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nDet drypper p\u00e5 badet.\r\n--b\r\n"
                + "Content-Type: image/jpeg\r\nContent-Disposition: attachment; filename=bad.jpg\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getEncoder().encodeToString(PHOTO)
                + "\r\n--b--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        cli.runWithInput(mail, "fetch-mail", "--source", "-");
        cli.run("comment", "1", "-m", "Rørlegger bestilt.");
        cli.create("inquiry", "create", "--title", "Noen andres sak", "--tenant", "ola@leietaker.example");
    }

    @Test
    void theExportHoldsTheContactTheInquiriesTheRawMailAndTheFilesWithAnIndex() throws Exception {
        Path target = folder.resolve("innsyn");

        CommandResult result = cli.run("contact", "export", "kari@leietaker.example", "-o", target.toString());

        assertThat(result).succeeded().printed("1 inquiry, 1 mail, 1 file");
        assertThat(target.resolve("mails/1.eml")).hasBinaryContent(mail);
        assertThat(target.resolve("files/1-bad.jpg")).hasBinaryContent(PHOTO);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rwx------");
        JsonNode index = new ObjectMapper().readTree(target.resolve("index.json").toFile());
        assertThat(index.at("/contact/email").asText()).isEqualTo("kari@leietaker.example");
        assertThat(index.get("inquiries")).hasSize(1);
        assertThat(index.at("/inquiries/0/comments").toString()).contains("Rørlegger bestilt.");
        assertThat(index.at("/mails/0/file").asText()).isEqualTo("mails/1.eml");
        assertThat(Files.readString(target.resolve("index.txt"))).contains("Kari Nordmann", "mails/1.eml",
                "files/1-bad.jpg", "Lekkasje på badet").doesNotContain("Noen andres sak");
    }

    @Test
    void aFolderThatHoldsFilesOrAnUnknownContactIsRefused() throws Exception {
        Path full = Files.createDirectories(folder.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        assertThat(cli.run("contact", "export", "1", "-o", full.toString())).failedWith(2, "not an empty folder");
        assertThat(cli.run("contact", "export", "nobody@example.no", "-o", folder.resolve("n").toString()))
                .failedWith(3, "not found");
        assertThat(folder.resolve("n")).doesNotExist();
    }
}
