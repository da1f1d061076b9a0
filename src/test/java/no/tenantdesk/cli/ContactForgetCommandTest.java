package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Postgres;
import no.tenantdesk.testing.ScriptedInteraction;
import no.tenantdesk.testing.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `contact forget`: a person's data gone from every table, index and stored byte; the cases stay. */
class ContactForgetCommandTest {

    @TempDir
    Path folder;

    Cli cli;
    long hers;
    long other;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-12-06T10:00:00Z");
        cli.run("contact", "add", "--name", "Kari Nordmann", "--email", "kari@leietaker.example", "--phone",
                "+47 912 34 567");
        cli.run("contact", "add", "--name", "Per Vaktmester", "--email", "per@drift.example", "--role", "staff");
        cli.runWithInput(("From: Kari Nordmann <kari@leietaker.example>\r\nSubject: Lekkasje i Storgata 7\r\n"
                + "Message-ID: <kari-1@leietaker.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Det drypper fra taket.\r\nHilsen Kari Nordmann, Storgata 7, tlf 91234567\r\n--b\r\n"
                + "Content-Type: image/jpeg; name=kari-nordmann-tak.jpg\r\nContent-Disposition: attachment;"
                + " filename=kari-nordmann-tak.jpg\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "/9j/Tm9yZG1hbm4tYmlsZGU=\r\n--b--\r\n"), "fetch-mail", "--source", "-");
        hers = 1;
        cli.run("comment", "1", "-m", "Ringte KARI NORDMANN på 912 34 567, hun er hjemme i morgen.");
        cli.run("inquiry", "update", "1", "--assignee", "Per Vaktmester");
        other = cli.create("inquiry", "create", "--title", "Trekk fra vinduet", "--tenant", "ola@leietaker.example");
        cli.run("comment", String.valueOf(other), "-m", "Ola ringte om vinduet.");
    }

    @Test
    void afterwardsNoTableIndexOrStoredByteHoldsThePerson() throws Exception {
        CommandResult result = cli.run("contact", "forget", "kari@leietaker.example", "--yes");

        assertThat(result).succeeded().printed("Erased contact #1", "[slettet kontakt #1]", "1 mail", "1 file");
        for (String trace : List.of("Nordmann", "kari@leietaker.example", "91234567")) {
            assertThat(cli.searchHits(trace)).as(trace).isEmpty();
        }
        String shown = cli.run("inquiry", "show", "1", "--json").json().toString();
        assertThat(shown).contains("[slettet kontakt #1]", "Det drypper fra taket", "\"assignee\"", "Per Vaktmester")
                .doesNotContain("Nordmann", "912 34 567", "kari@");
        assertThat(cli.run("contact", "show", "kari@leietaker.example")).exitedWith(3);
        assertThat(cli.run("attachment", "get", "1", "-o", "-")).failedWith(3, "has no bytes any more");
        // The other tenant's case is as it was.
        assertThat(cli.run("inquiry", "show", String.valueOf(other), "--json").json().toString())
                .contains("Ola ringte om vinduet", "ola@leietaker.example");
        assertThat(Sql.column(cli.database(), "SELECT actor FROM erasure WHERE contact_id = 1"))
                .containsExactly("operator");

        List<String> stored = new ArrayList<>();
        if (!Postgres.selected()) {
            // A backup copies the file's pages as they are, free space and free pages too, without a VACUUM first.
            Path backup = folder.resolve("after-forget.db");
            assertThat(cli.run("db", "backup", backup.toString())).succeeded();
            stored.add(bytesOf(List.of(backup)));
        }
        stored.add(everythingStored());
        for (String everything : stored) {
            for (String trace : List.of("Nordmann", "kari@leietaker.example", "912 34 567", "91234567")) {
                assertThat(everything).as(trace).doesNotContain(trace)
                        .doesNotContain(HexFormat.of().formatHex(trace.getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(everything).contains("Ola ringte om vinduet");
        }
    }

    /**
     * Every byte the database keeps: a SQLite file after VACUUM (free pages and the log emptied), or a PostgreSQL
     * database as pg_dump writes it out (bytea as hex).
     */
    private String everythingStored() throws Exception {
        if (Postgres.selected()) {
            ProcessBuilder dump = new ProcessBuilder("pg_dump", "--data-only", "--format=plain", cli.database());
            dump.environment().put("PGPASSWORD", Postgres.PASSWORD);
            Process process = dump.redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            process.getInputStream().transferTo(out);
            assertThat(process.waitFor()).isZero();
            return out.toString(StandardCharsets.UTF_8);
        }
        Sql.execute(cli.database(), "VACUUM");
        Sql.execute(cli.database(), "PRAGMA wal_checkpoint(TRUNCATE)");
        return bytesOf(List.of(Path.of(cli.database()), Path.of(cli.database() + "-wal")));
    }

    /** The bytes of the files that exist among these, as text (UTF-8 where they hold text). */
    private static String bytesOf(List<Path> files) throws Exception {
        StringBuilder bytes = new StringBuilder();
        for (Path file : files) {
            if (Files.exists(file)) {
                bytes.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return new String(bytes.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    @Test
    void anotherTenantsInquiryThatNamesHerIsListedForReviewAndLeftAsItIs() {
        cli.run("comment", String.valueOf(other), "-m", "Ola sier at Kari Nordmann i 3B spiller høy musikk.");

        CommandResult erased = cli.run("contact", "forget", "1", "--yes");

        assertThat(erased).succeeded().saidOnStderr("still mention", "#" + other);
        assertThat(cli.run("inquiry", "show", String.valueOf(other), "--json").json().toString())
                .contains("Kari Nordmann i 3B");
    }

    @Test
    void inJsonTheInquiriesToReviewAreListed() {
        cli.run("comment", String.valueOf(other), "-m", "Naboen (kari@leietaker.example) klager.");

        assertThat(cli.run("contact", "forget", "1", "--yes", "--json").json().get("stillMentionedIn").toString())
                .isEqualTo("[" + other + "]");
    }

    @Test
    void laterMailFromTheSameAddressMakesANewContact() {
        cli.run("contact", "forget", "1", "--yes");

        cli.runWithInput("From: Kari Nordmann <kari@leietaker.example>\r\nSubject: Ny sak\r\n"
                + "Message-ID: <kari-2@leietaker.example>\r\n\r\nHei igjen.\r\n", "fetch-mail", "--source", "-");

        assertThat(cli.run("contact", "show", "kari@leietaker.example", "--json").json().get("id").asLong())
                .isNotEqualTo(1);
    }

    @Test
    void withoutATerminalItNeedsYesAndOnATerminalItAsks() {
        assertThat(cli.run("contact", "forget", "1")).failedWith(2, "give --yes");
        ScriptedInteraction no = new ScriptedInteraction("n");
        assertThat(cli.runOnTerminal(no, "contact", "forget", "1")).succeeded();
        assertThat(no.asked().get(0).question()).contains("Kari Nordmann", "the history of 1 inquiry stays, 1 mail and 1 file lose their bytes");
        assertThat(cli.run("contact", "show", "1")).succeeded().printed("Kari Nordmann");

        assertThat(cli.runOnTerminal(new ScriptedInteraction("ja"), "contact", "forget", "1")).succeeded();
        assertThat(cli.run("contact", "show", "1")).succeeded().printed("[slettet kontakt #1]");
    }

    @Test
    void aStaffMemberWithOpenWorkOrAnUnknownOneIsRefusedAndNothingChanges() throws Exception {
        CommandResult refused = cli.run("contact", "forget", "Per Vaktmester", "--yes");
        assertThat(refused).failedWith(2, "is assigned open tasks or inquiries");
        assertThat(cli.run("contact", "show", "per@drift.example")).succeeded().printed("Per Vaktmester");
        assertThat(cli.run("contact", "forget", "nobody@example.no", "--yes")).failedWith(3, "not found");
        assertThat(Sql.column(cli.database(), "SELECT count(*) FROM erasure")).containsExactly("0");
    }
}
