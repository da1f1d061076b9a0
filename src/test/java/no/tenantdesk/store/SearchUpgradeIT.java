package no.tenantdesk.store;

import static no.tenantdesk.testing.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.testing.Cli;
import no.tenantdesk.testing.CommandResult;
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
            new Migrator(connection).migrateTo(1); // as the first release left it
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

        assertThat(hits(cli, "lekk")).containsExactly("1 title");
        assertThat(hits(cli, "drypper")).containsExactly("1 description");
        assertThat(hits(cli, "ØDELAGT")).containsExactly("2 title");
        assertThat(hits(cli, "låsesmed")).containsExactly("2 comment");
        assertThat(hits(cli, "desibelmåler")).containsExactly("3 task-description");
        assertThat(hits(cli, "vifte")).containsExactly("3 task-note");
        assertThat(hits(cli, "støymåling")).containsExactly("3 attachment");
        assertThat(hits(cli, "mål")).containsExactly("3 task-title");

        // And what is written after the upgrade joins what was there.
        assertThat(cli.run("comment", "1", "-m", "Takrenne tett")).succeeded();
        assertThat(hits(cli, "takrenne")).containsExactly("1 comment");
    }

    private static List<String> hits(Cli cli, String text) {
        CommandResult result = cli.run("search", "--json", text);
        assertThat(result).succeeded();
        List<String> hits = new ArrayList<>();
        for (JsonNode hit : result.json()) {
            hits.add(hit.get("id").asText() + " " + hit.at("/match/field").asText());
        }
        return hits;
    }
}
