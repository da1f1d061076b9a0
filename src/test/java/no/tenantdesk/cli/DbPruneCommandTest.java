package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `db prune`: the bytes of inquiries done longer ago than the retention setting go, with a clock that stands still;
 * the cases, the bytes of newer or open ones, and a content another inquiry still uses stay.
 */
class DbPruneCommandTest {

    private static final String PHOTO = "/9j/Z2FtbWVsdC1iaWxkZQ==";

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2022-01-10T09:00:00Z");
        mail("kari-1", "Kari <kari@leietaker.example>", "Lekkasje i Storgata 7", "Det drypper fra taket.");
        cli.run("comment", "1", "-m", "Rørlegger bestilt.");
        // The same photo in an inquiry that is still open: its content must stay.
        cli.create("inquiry", "create", "--title", "Fukt i kjelleren", "--tenant", "ola@leietaker.example");
        cli.run("attachment", "add", "2", cli.file("samme-bilde.jpg", Base64.getDecoder().decode(PHOTO)).toString());
        cli.at("2022-02-01T12:00:00Z").run("status", "1", "done");
        // Done three weeks ago: within any sensible retention.
        cli.at("2026-11-10T09:00:00Z");
        mail("per-1", "Per <per@leietaker.example>", "Dørklokke", "Dørklokka virker ikke.");
        cli.at("2026-11-15T09:00:00Z").run("status", "3", "done");
        cli.at("2026-12-06T10:00:00Z");
    }

    private void mail(String id, String from, String subject, String text) {
        CommandResult result = cli.runWithInput(("From: " + from + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + id
                + "@leietaker.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n--b\r\n"
                + "Content-Type: image/jpeg; name=bilde.jpg\r\nContent-Disposition: attachment; filename=bilde.jpg\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + PHOTO + "\r\n--b--\r\n"), "fetch-mail", "--source", "-");
        assertThat(result).succeeded();
    }

    private void retention(String yaml) throws Exception {
        Path config = folder.resolve("config/tenantdesk/tenantdesk.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, yaml);
    }

    @Test
    void theBytesOfInquiriesDoneLongAgoGoAndTheCaseStays() throws Exception {
        retention("retention:\n  raw-mail: 3 years\n  files: 3 years\n");
        long mailBytes = Long.parseLong(Sql.column(cli.database(),
                "SELECT size FROM blob b JOIN mail_message m ON m.raw_sha256 = b.sha256 WHERE m.inquiry_id = 1")
                .get(0));

        CommandResult pruned = cli.run("db", "prune");

        assertThat(pruned).succeeded().printed("Removed from 1 inquiry", "done before 2023-12-06",
                "the raw bytes of 1 mail and the bytes of 1 file");
        assertThat(cli.run("attachment", "get", "1", "-o", "-"))
                .failedWith(3, "attachment 1 (bilde.jpg) has no bytes any more: removed on 2026-12-06 by retention");
        assertThat(Sql.column(cli.database(), "SELECT removed_by FROM mail_message WHERE inquiry_id = 1"
                + " AND raw_sha256 IS NULL")).containsExactly("retention");
        // The case, its texts, comments and history stay, with a note of what went.
        assertThat(cli.run("inquiry", "show", "1")).succeeded().printed("Lekkasje i Storgata 7",
                "Det drypper fra taket.", "Rørlegger bestilt.", "retention: the raw bytes of 1 mail and the bytes of"
                        + " 1 file removed");
        // The mail's own bytes are freed; the photo is not, as the open inquiry 2 still has it; newer ones keep all.
        assertThat(Sql.column(cli.database(), "SELECT count(*) FROM blob WHERE size = " + mailBytes))
                .containsExactly("0");
        assertThat(cli.run("attachment", "get", "2", "-o", "-").rawOut()).isEqualTo(Base64.getDecoder().decode(PHOTO));
        assertThat(cli.run("attachment", "get", "3", "-o", "-")).succeeded();
        assertThat(Sql.column(cli.database(), "SELECT count(*) FROM mail_message WHERE raw_sha256 IS NOT NULL"))
                .containsExactly("1");

        // A second run finds nothing more to do.
        assertThat(cli.run("db", "prune")).succeeded().printed("Removed from 0 inquiries");
    }

    @Test
    void aDryRunSaysWhatWouldGoAndHowManyBytesAndChangesNothing() throws Exception {
        retention("retention:\n  raw-mail: 3 years\n");
        String before = Sql.column(cli.database(), "SELECT count(*) || '/' || sum(size) FROM blob").get(0);
        long raw = Long.parseLong(Sql.column(cli.database(), "SELECT raw_size FROM mail_message WHERE inquiry_id = 1")
                .get(0));

        JsonNode json = cli.run("db", "prune", "--dry-run", "--json").json();

        assertThat(json.get("dryRun").asBoolean()).isTrue();
        assertThat(json.get("inquiries").asLong()).isEqualTo(1);
        assertThat(json.get("mails").asLong()).isEqualTo(1);
        assertThat(json.get("files").asLong()).isZero();
        assertThat(json.get("storedBytes").asLong()).isEqualTo(raw);
        assertThat(json.get("freedBytes").asLong()).isEqualTo(raw);
        assertThat(json.get("filesDoneBefore").isNull()).isTrue();
        assertThat(Sql.column(cli.database(), "SELECT count(*) || '/' || sum(size) FROM blob")).containsExactly(before);
        assertThat(Sql.column(cli.database(), "SELECT count(*) FROM event WHERE field = 'retention'"))
                .containsExactly("0");
        assertThat(cli.run("db", "prune", "--dry-run")).succeeded().printed("Would remove from 1 inquiry",
                "would be freed");
    }

    @Test
    void withoutARetentionSettingNothingIsPruned() throws Exception {
        assertThat(cli.run("db", "prune")).succeeded().saidOnStderr("Nothing to prune: the config's retention: sets"
                + " no time (such as raw-mail: 3 years, files: 5 years), so everything is kept.");
        retention("retention: {}\n");
        assertThat(cli.run("db", "prune")).succeeded().saidOnStderr("Nothing to prune");
        assertThat(Sql.column(cli.database(), "SELECT count(*) FROM mail_message WHERE raw_sha256 IS NULL"))
                .containsExactly("0");
    }

    @Test
    void aReopenedInquiryKeepsItsBytes() throws Exception {
        retention("retention:\n  raw-mail: 1 year\n  files: 1 year\n");
        cli.run("status", "1", "todo");

        assertThat(cli.run("db", "prune")).succeeded().printed("Removed from 0 inquiries");
        assertThat(cli.run("attachment", "get", "1", "-o", "-")).succeeded();
    }

    @Test
    void aBatchThatFailsHalfWayChangesNothingAndTheNextRunDoesItAll() throws Exception {
        retention("retention:\n  raw-mail: 1 week\n  files: 1 week\n");
        String before = Sql.column(cli.database(), "SELECT count(*) || '/' || sum(size) FROM blob").get(0);
        // Inquiries 1 and 3 are one batch; the database fails on the second one's note, after the first one's rows.
        Sql.refuseInserts(cli.database(), "event", "NEW.inquiry_id = 3 AND NEW.field = 'retention'");

        assertThat(cli.run("db", "prune")).failedWith(1, "refused by the test");

        assertThat(Sql.column(cli.database(), "SELECT count(*) FROM mail_message WHERE removed_at IS NOT NULL"
                + " OR raw_sha256 IS NULL")).containsExactly("0");
        assertThat(Sql.column(cli.database(), "SELECT count(*) FROM attachment WHERE removed_at IS NOT NULL"))
                .containsExactly("0");
        assertThat(Sql.column(cli.database(), "SELECT count(*) || '/' || sum(size) FROM blob"))
                .containsExactly(before);

        Sql.allowInserts(cli.database(), "event");
        assertThat(cli.run("db", "prune")).succeeded().printed("Removed from 2 inquiries",
                "the raw bytes of 2 mails and the bytes of 2 files");
    }

    @Test
    void aRetentionThatIsNoTimeIsOneLineAndExit2() throws Exception {
        retention("retention:\n  raw-mail: three years\n");
        assertThat(cli.run("db", "prune")).failedWith(2, "retention: raw-mail: 'three years' is not a time");
        retention("retention:\n  files: 0 days\n");
        assertThat(cli.run("db", "prune")).failedWith(2, "leave the setting out to keep them for ever");
        retention("retention:\n  photos: 3 years\n");
        assertThat(cli.run("db", "prune")).failedWith(2, "unknown setting 'photos'");
    }
}
