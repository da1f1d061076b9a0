package no.tenantdesk.store;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import no.tenantdesk.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database made before full-text search (schema version 1) is searchable once the current program opens it. */
class SearchUpgradeIT {

    @TempDir
    Path folder;

    @Test
    void everythingWrittenBeforeTheUpgradeIsFoundAfterIt() throws SQLException {
        Cli cli = new Cli(folder);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + cli.database())) {
            Migrators.sqlite(connection).migrateTo(1); // as the first release left it
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + cli.database());
                Statement sql = connection.createStatement()) {
            String at = "'2026-01-05T08:00:00.000Z'";
            sql.executeUpdate("INSERT INTO inquiry (id, title, description, status, priority, source, created_at,"
                    + " updated_at) VALUES (1, 'Lekkasje fra taket', 'Det drypper ved vinduet', 'todo', 'high',"
                    + " 'phone', " + at + ", " + at + "), (2, 'Ødelagt lås', '', 'done', 'normal', 'email', "
                    + at + ", " + at + "), (3, 'Støy', '', 'todo', 'low', 'phone', " + at + ", " + at + ")");
            sql.executeUpdate("INSERT INTO comment (id, inquiry_id, kind, author, body, created_at)"
                    + " VALUES (1, 2, 'internal', 'operator', 'Låsesmed bestilt', " + at + ")");
            sql.executeUpdate("INSERT INTO task (id, inquiry_id, kind, title, description, status, priority,"
                    + " completion_note, created_by, created_at, updated_at) VALUES (1, 3, 'task', 'Mål støynivå',"
                    + " 'Bruk desibelmåler', 'done', 'low', 'Vifte justert', 'operator', " + at + ", " + at + ")");
            sql.executeUpdate("INSERT INTO blob (sha256, size, data) VALUES ('abc', 1, x'00')");
            sql.executeUpdate("INSERT INTO attachment (id, inquiry_id, task_id, sha256, filename, content_type,"
                    + " size, added_by, created_at) VALUES (1, 3, 1, 'abc', 'støymåling.pdf', 'application/pdf', 1,"
                    + " 'operator', " + at + ")");
        }

        assertThat(cli.searchHits("lekk")).containsExactly("1 title");
        assertThat(cli.searchHits("drypper")).containsExactly("1 description");
        assertThat(cli.searchHits("ØDELAGT")).containsExactly("2 title");
        assertThat(cli.searchHits("låsesmed")).containsExactly("2 comment");
        assertThat(cli.searchHits("desibelmåler")).containsExactly("3 task-description");
        assertThat(cli.searchHits("vifte")).containsExactly("3 task-note");
        assertThat(cli.searchHits("støymåling")).containsExactly("3 attachment");
        assertThat(cli.searchHits("mål")).containsExactly("3 task-title");

        // And what is written after the upgrade joins what was there.
        assertThat(cli.run("comment", "1", "-m", "Takrenne tett")).succeeded();
        assertThat(cli.searchHits("takrenne")).containsExactly("1 comment");
    }
}
