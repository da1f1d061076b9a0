package no.tenantdesk.cli;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
import no.tenantdesk.testing.Sql;
import no.tenantdesk.testing.SqliteOnly;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the database cannot be used, and that a failed command leaves nothing behind. */
class StoreFailureIT {

    @TempDir
    Path folder;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(folder);
    }

    @Test
    @SqliteOnly
    void aWriterWaitingLongerThanTheBusyTimeoutExits75AndStoresNothing() throws SQLException {
        cli.create("inquiry", "create", "--title", "Første");
        CommandResult busy;
        CommandResult readMeanwhile;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + cli.database());
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.executeUpdate("UPDATE inquiry SET title = 'uncommitted'");

            busy = cli.env("TENANTDESK_BUSY_TIMEOUT", "200").run("inquiry", "create", "--title", "Andre");
            readMeanwhile = cli.run("inquiry", "list", "--status", "all", "--json");

            statement.execute("ROLLBACK");
        }

        assertThat(busy).failedWith(75, "is busy");
        assertThat(busy.err().lines()).hasSize(1);
        assertThat(readMeanwhile).succeeded();
        assertThat(readMeanwhile.json()).hasSize(1);
        assertThat(readMeanwhile.json().get(0).get("title").asText()).isEqualTo("Første");
        assertThat(titles()).containsExactly("Første");

        assertThat(cli.run("inquiry", "create", "--title", "Andre")).succeeded();
        assertThat(titles()).containsExactlyInAnyOrder("Første", "Andre");
    }

    @Test
    @SqliteOnly
    void aFileThatIsNotADatabaseExits1AndIsLeftAsItWas() throws Exception {
        Path notADatabase = folder.resolve("random.bin");
        byte[] bytes = new byte[8192];
        new Random(42).nextBytes(bytes);
        Files.write(notADatabase, bytes);

        CommandResult result = cli.run("--db", notADatabase.toString(), "inquiry", "list");

        assertThat(result).failedWith(1, "not a tenantdesk database file");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(Files.readAllBytes(notADatabase)).isEqualTo(bytes);
    }

    @Test
    void aDatabasePathUnderARegularFileExits1WithOneLine() throws Exception {
        Path plainFile = Files.writeString(folder.resolve("notes.txt"), "not a folder");

        CommandResult result = cli.run("inquiry", "list", "--db", plainFile.resolve("tenantdesk.db").toString());

        assertThat(result).failedWith(1, "cannot create folder");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(Files.readString(plainFile)).isEqualTo("not a folder");
    }

    @Test
    void aUrlOfAnotherDatabaseIsInvalidUsage() {
        CommandResult result = cli.run("--db", "mysql://db.example.no/tenantdesk", "inquiry", "list");

        assertThat(result).failedWith(2, "unsupported database URL");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void aDatabaseFromANewerTenantdeskExits1WithAClearMessage() throws SQLException {
        cli.create("inquiry", "create", "--title", "Lekkasje");
        Sql.execute(cli.database(), "INSERT INTO schema_version (version, name, applied_at) "
                + "VALUES (999, 'from_the_future', '2030-01-01T00:00:00.000Z')");

        CommandResult result = cli.run("inquiry", "list");

        assertThat(result).failedWith(1, "newer than this tenantdesk knows");
        assertThat(result.err()).contains("schema version 999", "use a newer tenantdesk");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void aCommandFailingAfterItsFirstWriteLeavesNothingBehind() {
        // The unknown e-mail address makes a new tenant first; the unknown assignee then fails the command.
        CommandResult result = cli.run("inquiry", "create", "--title", "Lekkasje", "--tenant", "ny@example.no",
                "--assignee", "nobody@example.no");

        assertThat(result).failedWith(2, "nobody@example.no");
        assertThat(cli.run("contact", "list", "--json").json()).isEmpty();
        assertThat(titles()).isEmpty();
    }

    @Test
    void anUpdateFailingAfterItsFirstWriteLeavesTheInquiryAsItWas() {
        long id = cli.create("inquiry", "create", "--title", "Lekkasje");

        CommandResult result = cli.run("inquiry", "update", String.valueOf(id), "--title", "Endret", "--tenant",
                "ny@example.no", "--location", "Bygg Z");

        assertThat(result).failedWith(2, "unknown location");
        assertThat(cli.run("contact", "list", "--json").json()).isEmpty();
        assertThat(titles()).containsExactly("Lekkasje");
        assertThat(cli.run("inquiry", "show", String.valueOf(id), "--json").json().get("events"))
                .extracting(event -> event.get("field").asText())
                .containsExactly("created");
    }

    @Test
    void attachingAGoodFileAndOneThatCannotBeReadStoresNeither() throws Exception {
        long id = cli.create("inquiry", "create", "--title", "Lekkasje");
        Path good = Files.writeString(folder.resolve("bilde.jpg"), "jpeg bytes");
        Path unreadable = Files.createDirectory(folder.resolve("mappe.jpg"));

        CommandResult attach = cli.run("attachment", "add", String.valueOf(id), good.toString(),
                unreadable.toString());
        CommandResult comment = cli.run("comment", String.valueOf(id), "-m", "Se bildene", "--attach",
                good.toString(), "--attach", unreadable.toString());

        assertThat(attach).failedWith(2, "not a file:");
        assertThat(comment).failedWith(2, "not a file:");
        assertThat(cli.run("attachment", "list", String.valueOf(id), "--json").json()).isEmpty();
        assertThat(cli.run("inquiry", "show", String.valueOf(id), "--json").json().get("comments")).isEmpty();
    }

    private List<String> titles() {
        CommandResult list = cli.run("inquiry", "list", "--status", "all", "--json");
        assertThat(list).succeeded();
        List<String> titles = new ArrayList<>();
        list.json().forEach(inquiry -> titles.add(inquiry.get("title").asText()));
        return titles;
    }
}
