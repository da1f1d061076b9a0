package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Postgres;
import no.tenantdesk.testing.Sql;
import no.tenantdesk.testing.SqliteOnly;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `db backup` and `db restore`: a checked copy, put back in place only when it is one, the replaced file kept. */
class DbBackupCommandTest {

    @TempDir
    Path folder;

    Cli cli;
    long id;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder).at("2026-12-06T10:00:00Z");
        id = cli.create("inquiry", "create", "--title", "Lekkasje fra taket", "--tenant", "kari@leietaker.example",
                "--description", "Det drypper fra taket ved vinduet.");
        cli.run("comment", String.valueOf(id), "-m", "Rørlegger kommer.", "--attach",
                cli.file("tak.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3}).toString());
        cli.runWithInput("From: Ola <ola@leietaker.example>\r\nSubject: Heisen står\r\nMessage-ID: <heis@x>\r\n\r\n"
                + "Heisen står mellom etasjene.\r\n", "fetch-mail", "--source", "-");
    }

    private CommandResult on(Path database, String... args) {
        String[] withDb = new String[args.length + 2];
        withDb[0] = "--db";
        withDb[1] = database.toString();
        System.arraycopy(args, 0, withDb, 2, args.length);
        return cli.run(withDb);
    }

    @Test
    void aBackupIsACheckedCopyForItsOwnerAlone() throws Exception {
        Path backup = folder.resolve("backup/tenantdesk-2026-12-06.db");
        Files.createDirectories(backup.getParent());

        CommandResult result = cli.run("db", "backup", backup.toString());

        assertThat(result).succeeded().printed("Backed up", backup.toString(), "Checked:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
        try (var left = Files.list(backup.getParent())) {
            assertThat(left).as("no hidden partial file left").containsExactly(backup);
        }
        if (Postgres.selected()) {
            assertThat(result).printed("pg_restore reads it");
            assertThat(Files.readAllBytes(backup)).startsWith("PGDMP".getBytes());
        } else {
            assertThat(result).printed("2 inquiries, 1 mail, 1 file");
            JsonNode before = cli.run("inquiry", "show", String.valueOf(id), "--json").json();
            assertThat(on(backup, "inquiry", "show", String.valueOf(id), "--json").json()).isEqualTo(before);
        }
    }

    @Test
    void aBackupNeverOverwritesAFile() throws Exception {
        Path existing = cli.file("old.db", "keep me");

        assertThat(cli.run("db", "backup", existing.toString())).failedWith(2, "exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(cli.run("db", "backup", folder.resolve("no/such/folder.db").toString()))
                .failedWith(2, "does not exist");
    }

    @Test
    @SqliteOnly
    void aBackupIsRestoredIntoAnEmptyPlaceAndOverADatabaseOnlyWithForceKeepingTheReplacedOne() throws Exception {
        Path backup = folder.resolve("backup.db");
        assertThat(cli.run("db", "backup", backup.toString())).succeeded();
        JsonNode before = cli.run("inquiry", "show", String.valueOf(id), "--json").json();
        cli.run("inquiry", "create", "--title", "Etter backup");

        Path fresh = folder.resolve("fresh/tenantdesk.db");
        assertThat(on(fresh, "db", "restore", backup.toString())).succeeded().printed("2 inquiries");
        assertThat(on(fresh, "inquiry", "show", String.valueOf(id), "--json").json()).isEqualTo(before);

        CommandResult refused = cli.run("db", "restore", backup.toString());
        assertThat(refused).failedWith(2, "3 inquiry");
        assertThat(refused.err().lines()).hasSize(1);
        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).hasSize(3);

        CommandResult forced = cli.run("db", "restore", "--force", backup.toString());
        assertThat(forced).succeeded().printed("kept as", "tenantdesk.db.replaced-20261206-100000");
        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).hasSize(2);
        assertThat(cli.run("attachment", "get", "1", "-o", "-").rawOut()).containsExactly(0xff, 0xd8, 1, 2, 3);
        assertThat(on(folder.resolve("tenantdesk.db.replaced-20261206-100000"), "inquiry", "list", "--status", "all",
                "--json").json()).hasSize(3);
    }

    @Test
    @SqliteOnly
    void aFileThatIsNoTenantdeskDatabaseOrANewerOnesChangesNothing() throws Exception {
        Path text = cli.file("notes.txt", "not a database");
        assertThat(cli.run("db", "restore", "--force", text.toString()))
                .failedWith(2, "notes.txt is not a tenantdesk database");
        Path other = folder.resolve("other.db");
        try (Connection db = Sql.connect(other.toString()); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY)");
        }
        assertThat(cli.run("db", "restore", "--force", other.toString())).failedWith(2, "is not a tenantdesk database");
        Path newer = folder.resolve("newer.db");
        cli.run("db", "backup", newer.toString());
        try (Connection db = Sql.connect(newer.toString()); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future',"
                    + " '2030-01-01T00:00:00Z')");
        }
        assertThat(cli.run("db", "restore", "--force", newer.toString())).failedWith(2, "newer than this tenantdesk");
        assertThat(cli.run("db", "restore", folder.resolve("missing.db").toString())).failedWith(2, "does not exist");

        assertThat(cli.run("inquiry", "list", "--status", "all", "--json").json()).hasSize(2);
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".tenantdesk.db"))
                    .noneMatch(n -> n.contains("replaced"));
        }
    }

    @Test
    void onPostgresqlARestoreSaysToUsePgRestore() {
        if (!Postgres.selected()) {
            return;
        }
        assertThat(cli.run("db", "restore", cli.file("x.dump", "PGDMP").toString()))
                .failedWith(2, "pg_restore --clean --if-exists -d ");
    }
}
