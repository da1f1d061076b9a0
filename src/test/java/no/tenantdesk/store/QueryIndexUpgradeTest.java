package no.tenantdesk.store;

import static no.tenantdesk.testing.Sql.column;
import static no.tenantdesk.testing.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import no.tenantdesk.domain.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file from before the query indexes (schema version 4) gets them when the current program opens it (V005), and
 * its search index is rebuilt with each text's inquiry in the rowid (V006): nothing written before is lost. A file of
 * version 6 gets the search's word list and the indexes of two lists (V007), one of version 7 the index of the open
 * inquiries (V008).
 */
class QueryIndexUpgradeTest {

    private static final String AT = "'2026-01-05T08:00:00.000Z'";

    @TempDir
    Path folder;

    /**
     * The driver's library loaded as the program loads it (Database.open) before the plain connections below: had
     * a plain connection loaded the driver's own copy first, Database.open would load a second one, and the JVM
     * once crashed in it (SIGSEGV in create_function) when this class ran alone.
     */
    @BeforeAll
    static void loadTheDriverAsTheProgramDoes() {
        NativeLibrary.useKeptCopy();
    }

    @Test
    void aVersion4FileGetsTheIndexesAndKeepsItsInquiriesFindable() throws SQLException {
        Path file = folder.resolve("tenantdesk.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrators.sqlite(connection).migrateTo(4); // as the release before these indexes left it
        }
        execute(file, "INSERT INTO inquiry (id, title, description, status, priority, source, created_at, updated_at)"
                + " VALUES (1, 'Lekkasje fra taket', 'Det drypper', 'todo', 'high', 'phone', " + AT + ", " + AT + "),"
                + " (2, 'Ødelagt lås', '', 'done', 'normal', 'email', " + AT + ", " + AT + ")");
        execute(file, "INSERT INTO comment (id, inquiry_id, kind, author, body, created_at)"
                + " VALUES (7, 2, 'internal', 'operator', 'Låsesmed bestilt', " + AT + ")");
        assertThat(column(file, "SELECT rowid FROM search_index ORDER BY rowid")).containsExactly("8", "9", "16", "58");

        Database database = Database.open(file, Duration.ofSeconds(10));

        assertThat(column(file, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inquiry'"
                + " AND name NOT LIKE 'sqlite_%' ORDER BY name")).containsExactly("inquiry_assignee_status",
                        "inquiry_closed", "inquiry_created", "inquiry_done", "inquiry_due",
                        "inquiry_location_status_priority", "inquiry_merged_into", "inquiry_open", "inquiry_requester", "inquiry_status_priority",
                        "inquiry_status_updated", "inquiry_urgency_created", "inquiry_without_deadlines");
        // Each text's rowid: its inquiry << 32, then its own id * 8 + its kind, as the triggers now write them.
        assertThat(column(file, "SELECT (rowid >> 32) || ' ' || (rowid & 4294967295) || ' ' || field"
                + " FROM search_index ORDER BY rowid")).containsExactly("1 8 title", "1 9 description",
                        "2 16 title", "2 58 comment");
        assertThat(column(file, "SELECT count(*) FROM inquiry")).containsExactly("2");

        InquiryMapper.Filter search = new InquiryMapper.Filter(List.of(), null, false, null, null, null, null,
                List.of(InquiryMapper.SearchTerm.prefix("låsesmed")), "relevance", false, 10, 1000, null);
        List<InquiryMapper.Ranked> found = database.read(tx -> tx.mapper(InquiryMapper.class).rank(search));
        assertThat(found).extracting(InquiryMapper.Ranked::id).containsExactly(2L);
        execute(file, "UPDATE comment SET body = 'Rørlegger bestilt' WHERE id = 7");
        long count = database.read(tx -> tx.mapper(InquiryMapper.class).count(search));
        assertThat(count).isZero();
        execute(file, "DELETE FROM comment WHERE id = 7");
        assertThat(column(file, "SELECT count(*) FROM search_index")).containsExactly("3");
    }

    @Test
    void aVersion6FileGetsTheWordListAndTheListIndexesAndKeepsItsInquiriesFindable() throws SQLException {
        Path file = folder.resolve("tenantdesk.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrators.sqlite(connection).migrateTo(6); // as the release before V007 left it
        }
        execute(file, "INSERT INTO location (id, path, path_key, created_at) VALUES (1, 'Bygg A', 'bygg a', " + AT + ")");
        execute(file, "INSERT INTO inquiry (id, title, description, status, priority, source, location_id, created_at,"
                + " updated_at) VALUES (1, 'Lekkasje fra taket', 'Det drypper', 'todo', 'high', 'phone', 1, " + AT
                + ", " + AT + "), (2, 'Ødelagt lås', '', 'done', 'urgent', 'email', 1, " + AT + ", " + AT + ")");
        execute(file, "INSERT INTO comment (id, inquiry_id, kind, author, body, created_at)"
                + " VALUES (7, 2, 'internal', 'operator', 'Lekkasjen er tettet', " + AT + ")");

        Database database = Database.open(file, Duration.ofSeconds(10));

        assertThat(column(file, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'inquiry'"
                + " AND name LIKE 'inquiry_location%' OR name = 'inquiry_urgency_created' ORDER BY name"))
                .containsExactly("inquiry_location_status_priority", "inquiry_urgency_created");
        // The word list is the index's own: what was indexed before the upgrade is in it, and what is written after.
        assertThat(column(file, "SELECT term FROM search_terms WHERE term >= 'lekk' AND term < 'lekl'"))
                .containsExactly("lekkasje", "lekkasjen");
        execute(file, "UPDATE comment SET body = 'Lekkasjer overalt' WHERE id = 7");
        assertThat(column(file, "SELECT term FROM search_terms WHERE term >= 'lekk' AND term < 'lekl'"))
                .containsExactly("lekkasje", "lekkasjer");

        InquiryMapper.Filter search = new InquiryMapper.Filter(List.of(), null, false, null, null, null, null,
                List.of(new InquiryMapper.SearchTerm("lekk", List.of("lekkasje", "lekkasjer"))), "relevance", false,
                10, 1000, null);
        List<InquiryMapper.Ranked> found = database.read(tx -> tx.mapper(InquiryMapper.class).rank(search));
        assertThat(found).extracting(InquiryMapper.Ranked::id).containsExactly(1L, 2L);
        InquiryMapper.Filter everyOne = new InquiryMapper.Filter(List.of(), null, false, null, null, null, null, null,
                "priority", false, 10, 1000, null);
        List<InquiryRow> byUrgency = database.read(tx -> tx.mapper(InquiryMapper.class).find(everyOne));
        assertThat(byUrgency).extracting(InquiryRow::id).containsExactly(2L, 1L);
        InquiryMapper.Filter building = new InquiryMapper.Filter(List.of(Status.TODO), null, false, null, null,
                List.of(1L), null, null, "priority", false, 10, 1000, null);
        List<InquiryRow> inBuilding = database.read(tx -> tx.mapper(InquiryMapper.class).find(building));
        assertThat(inBuilding).extracting(InquiryRow::id).containsExactly(1L);
    }

    @Test
    void aVersion8FileGetsTheTaskOrderIndexAndListsOpenTasksFirst() throws SQLException {
        Path file = folder.resolve("tenantdesk.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrators.sqlite(connection).migrateTo(8); // as the release before V009 left it
        }
        execute(file, "INSERT INTO inquiry (id, title, description, status, priority, source, created_at, updated_at)"
                + " VALUES (1, 'Lekkasje fra taket', '', 'todo', 'high', 'phone', " + AT + ", " + AT + ")");
        execute(file, "INSERT INTO task (id, inquiry_id, kind, title, description, status, priority, due, created_by,"
                + " created_at, updated_at) VALUES"
                + " (1, 1, 'task', 'Ferdig', '', 'done', 'normal', '2026-01-01', 'ola', " + AT + ", " + AT + "),"
                + " (2, 1, 'task', 'Uten frist', '', 'todo', 'normal', NULL, 'ola', " + AT + ", " + AT + "),"
                + " (3, 1, 'task', 'Snart', '', 'in-progress', 'normal', '2026-12-01', 'ola', " + AT + ", " + AT + ")");

        Database database = Database.open(file, Duration.ofSeconds(10));

        assertThat(column(file, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'task'"))
                .contains("task_open_due");
        List<TaskRow> page = database.read(tx -> tx.mapper(TaskMapper.class)
                .find(new TaskMapper.Filter(null, null, null, null, 2)));
        assertThat(page).extracting(TaskRow::id).containsExactly(3L, 2L);
        long all = database.read(tx -> tx.mapper(TaskMapper.class).count(new TaskMapper.Filter(null, null, null, null, 2)));
        assertThat(all).isEqualTo(3);
    }

    @Test
    void aVersion7FileGetsTheIndexOfItsOpenInquiriesWhichFollowsTheirStatus() throws SQLException {
        Path file = folder.resolve("tenantdesk.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrators.sqlite(connection).migrateTo(7); // as the release before V008 left it
        }
        execute(file, "INSERT INTO inquiry (id, title, description, status, priority, source, created_at, updated_at)"
                + " VALUES (1, 'Lekkasje fra taket', '', 'todo', 'high', 'phone', " + AT + ", " + AT + "),"
                + " (2, 'Lekkasje i kjelleren', '', 'done', 'normal', 'email', " + AT + ", " + AT + "),"
                + " (3, 'Lekkasje på badet', '', 'in-progress', 'low', 'phone', " + AT + ", " + AT + ")");

        Database database = Database.open(file, Duration.ofSeconds(10));

        String open = "SELECT id FROM inquiry INDEXED BY inquiry_open WHERE status IN ('todo', 'in-progress')"
                + " ORDER BY id";
        assertThat(column(file, open)).containsExactly("1", "3");
        InquiryMapper.Filter search = new InquiryMapper.Filter(List.of(Status.TODO, Status.IN_PROGRESS), null, false,
                null, null, null, null, List.of(new InquiryMapper.SearchTerm("lekk", List.of("lekkasje"))), "relevance",
                false, 10, 1000, null);
        List<InquiryMapper.Ranked> found = database.read(tx -> tx.mapper(InquiryMapper.class).rank(search));
        assertThat(found).extracting(InquiryMapper.Ranked::id).containsExactlyInAnyOrder(1L, 3L);
        // Closing one takes it out of the index, opening one puts it in.
        execute(file, "UPDATE inquiry SET status = 'done' WHERE id = 1");
        execute(file, "UPDATE inquiry SET status = 'todo' WHERE id = 2");
        execute(file, "INSERT INTO inquiry (id, title, description, status, priority, source, created_at, updated_at)"
                + " VALUES (4, 'Lekkasje igjen', '', 'todo', 'high', 'email', " + AT + ", " + AT + ")");
        assertThat(column(file, open)).containsExactly("2", "3", "4");
        found = database.read(tx -> tx.mapper(InquiryMapper.class).rank(search));
        assertThat(found).extracting(InquiryMapper.Ranked::id).containsExactlyInAnyOrder(2L, 3L, 4L);
    }
}
