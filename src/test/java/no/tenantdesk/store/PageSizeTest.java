package no.tenantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.tenantdesk.domain.ContactRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new file gets larger pages; a file made with the old size keeps it and works as before. */
class PageSizeTest {

    @TempDir
    Path folder;

    @Test
    void aNewFileHasEightKilobytePagesAndIsInWalMode() throws SQLException {
        Path file = folder.resolve("new.db");
        Database.open(file, Duration.ofSeconds(5));

        assertThat(pragma(file, "page_size")).isEqualTo("8192");
        assertThat(pragma(file, "journal_mode")).isEqualTo("wal");
    }

    @Test
    void aFileWithSmallerPagesKeepsThemAndTakesWrites() throws SQLException {
        Path file = folder.resolve("old.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA page_size = 4096");
                statement.execute("PRAGMA journal_mode = WAL");
            }
            Migrators.sqlite(connection).migrateTo(1); // as the first release made it
        }

        Database database = Database.open(file, Duration.ofSeconds(5));
        long id = database.write(tx -> tx.mapper(ContactMapper.class).insert(new ContactMapper.NewContact("Kari",
                "kari", "kari@tenant.example", "kari@tenant.example", null, ContactRole.TENANT, null, null,
                Instant.parse("2026-11-27T08:00:00Z"))));

        assertThat(pragma(file, "page_size")).isEqualTo("4096");
        List<ContactRow> contacts = database.read(tx -> tx.mapper(ContactMapper.class).list(null));
        assertThat(contacts).extracting(ContactRow::id).containsExactly(id);
    }

    private static String pragma(Path file, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
