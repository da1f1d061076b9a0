package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Postgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `db copy` into the other kind of database (a SQLite file into PostgreSQL; in the PostgreSQL pass, a server's
 * database into a file) and back: everything, with its ids, as the commands show it; `db info` on both.
 */
class DbCopyCommandTest {

    @TempDir
    Path folder;

    Cli cli;
    /** The other kind of database than the test's own. */
    String other;
    String back;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
        other = Postgres.selected() ? folder.resolve("copy.db").toString() : Postgres.cluster().emptyDatabase();
        back = Postgres.selected() ? Postgres.cluster().emptyDatabase() : folder.resolve("back.db").toString();
        cli.env("PGPASSWORD", Postgres.PASSWORD);
    }

    private CommandResult on(String database, String... args) {
        String[] withDb = new String[args.length + 2];
        withDb[0] = "--db";
        withDb[1] = database;
        System.arraycopy(args, 0, withDb, 2, args.length);
        return cli.run(withDb);
    }

    /** A desk with a bit of everything: places, people, an inquiry with its story, a photo, a task, a mail. */
    private long aDesk() {
        cli.run("location", "add", "Bygg A/2. etasje/Kontor 204");
        cli.run("contact", "add", "--name", "Per Vaktmester", "--email", "per@drift.example", "--role", "staff");
        cli.run("location", "update", "Bygg A", "--responsible", "Per Vaktmester");
        long id = cli.create("inquiry", "create", "--title", "Lekkasje fra taket", "--tenant", "kari@leietaker.example",
                "--location", "Kontor 204", "--description", "Det drypper fra taket ved vinduet.");
        cli.run("comment", String.valueOf(id), "-m", "Rørlegger kommer i morgen.", "--attach",
                cli.file("tak.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3}).toString());
        cli.run("task", "create", String.valueOf(id), "--title", "Tett taksluk", "--due", "2026-12-01");
        cli.run("status", String.valueOf(id), "in-progress");
        cli.runWithInput("From: Ola <ola@leietaker.example>\r\nSubject: Heisen står\r\nMessage-ID: <heis@x>\r\n\r\n"
                + "Heisen står mellom etasjene.\r\n", "fetch-mail", "--source", "-");
        // An id that is not the next: a copy keeps ids as they are, gaps and all.
        cli.run("inquiry", "create", "--title", "Trekk fra vinduet");
        return id;
    }

    @Test
    void aMergedInquiryKeepsItsPointerToANewerOne() {
        long older = cli.create("inquiry", "create", "--title", "Vann i taket");
        long newer = cli.create("inquiry", "create", "--title", "Lekkasje");
        assertThat(cli.run("inquiry", "merge", String.valueOf(older), "--into", String.valueOf(newer))).succeeded();

        assertThat(cli.run("db", "copy", "--to", other)).succeeded();

        assertThat(on(other, "inquiry", "show", String.valueOf(older), "--json").json().get("mergedInto").asLong())
                .isEqualTo(newer);
    }

    @Test
    void everythingIsCopiedWithItsIdsAndBackAgain() {
        long id = aDesk();
        JsonNode before = cli.run("inquiry", "show", String.valueOf(id), "--json").json();

        CommandResult copied = cli.run("db", "copy", "--to", other);

        assertThat(copied).succeeded().printed("3 inquiries", "Every table has as many rows on both sides");
        assertThat(on(other, "inquiry", "show", String.valueOf(id), "--json").json()).isEqualTo(before);
        assertThat(on(other, "inquiry", "list", "--status", "all", "--json").json())
                .isEqualTo(cli.run("inquiry", "list", "--status", "all", "--json").json());
        assertThat(on(other, "search", "--json", "rørlegger").json()).isEqualTo(cli.run("search", "--json",
                "rørlegger").json());
        assertThat(on(other, "attachment", "get", "1", "-o", "-").rawOut()).containsExactly(0xff, 0xd8, 1, 2, 3);
        // New rows take the ids after the copied ones.
        assertThat(on(other, "inquiry", "create", "--title", "Ny", "--json").json().get("id").asLong()).isEqualTo(4);

        assertThat(on(other, "db", "copy", "--to", back)).succeeded();
        assertThat(on(back, "inquiry", "show", String.valueOf(id), "--json").json()).isEqualTo(before);
    }

    @Test
    void aTargetThatHoldsDataIsRefusedAndLeftAsItWas() {
        aDesk();
        on(other, "inquiry", "create", "--title", "Allerede her");

        CommandResult refused = cli.run("db", "copy", "--to", other);

        assertThat(refused).failedWith(2, "holds data (1 inquiry");
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(on(other, "inquiry", "list", "--status", "all", "--json").json()).hasSize(1);
    }

    @Test
    void theDatabaseItselfIsNoTarget() {
        assertThat(cli.run("db", "copy", "--to", cli.database())).failedWith(2, "the target is the database itself");
    }

    @Test
    void infoSaysWhichDatabaseItsVersionAndWhatItHolds() {
        aDesk();

        JsonNode info = cli.run("db", "info", "--json").json();

        assertThat(info.get("address").asText()).isEqualTo(cli.database());
        assertThat(info.get("schemaVersion").asInt()).isEqualTo(27);
        assertThat(info.at("/tables/inquiry").asLong()).isEqualTo(3);
        assertThat(info.at("/tables/mail_message").asLong()).isEqualTo(1);
        assertThat(cli.run("db", "info")).succeeded().printed("schema version", "27",
                Postgres.selected() ? "PostgreSQL" : "SQLite", "inquiry");
    }
}
