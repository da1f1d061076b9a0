package no.tenantdesk.store;

import static no.tenantdesk.testing.Sql.column;
import static no.tenantdesk.testing.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.tenantdesk.domain.Priority;
import no.tenantdesk.domain.Source;
import no.tenantdesk.domain.Status;
import no.tenantdesk.domain.TenantdeskException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbered scripts bring a user's file up to date on open, once, and never touch what it holds. */
class MigrationIT {

    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void aNewFileGetsEveryMigrationRecordedInSchemaVersion() throws SQLException {
        Path file = folder.resolve("new.db");

        Database.open(file, BUSY_TIMEOUT);

        List<Integer> known = List.copyOf(Migrators.sqlite(null).available().keySet());
        assertThat(known).isNotEmpty().startsWith(1);
        assertThat(column(file, "SELECT version FROM schema_version ORDER BY version")).isEqualTo(strings(known));
        assertThat(column(file, "SELECT name FROM schema_version WHERE version = 1"))
                .containsExactly("initial_schema");
        assertThat(column(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
                .contains("inquiry", "contact", "location", "task", "comment", "attachment", "blob", "event");
        assertThat(column(file, "PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void openingAgainAppliesNothing() throws SQLException {
        Path file = folder.resolve("tenantdesk.db");
        Database.open(file, BUSY_TIMEOUT);
        List<String> before = column(file, "SELECT version || ' ' || applied_at FROM schema_version ORDER BY version");
        List<String> schemaBefore = column(file, "SELECT sql FROM sqlite_master ORDER BY name");

        Database.open(file, BUSY_TIMEOUT);

        assertThat(column(file, "SELECT version || ' ' || applied_at FROM schema_version ORDER BY version"))
                .isEqualTo(before);
        assertThat(column(file, "SELECT sql FROM sqlite_master ORDER BY name")).isEqualTo(schemaBefore);
    }

    @Test
    void aFileAtTheCurrentVersionKeepsItsData() {
        Path file = folder.resolve("tenantdesk.db");
        long id = Database.open(file, BUSY_TIMEOUT).write(tx -> tx.mapper(InquiryMapper.class).insert(
                new InquiryMapper.NewInquiry("Lekkasje", "", Status.TODO, Priority.HIGH, Source.EMAIL, null, null, null, null,
                        null, Instant.parse("2026-11-27T07:01:50.123Z"), null, null)));

        Database reopened = Database.open(file, BUSY_TIMEOUT);

        InquiryRow row = reopened.read(tx -> tx.mapper(InquiryMapper.class).byId(id));
        assertThat(row.title()).isEqualTo("Lekkasje");
        assertThat(row.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void aFileFromANewerTenantdeskIsRefusedAndLeftAlone() throws SQLException {
        Path file = folder.resolve("tenantdesk.db");
        Database.open(file, BUSY_TIMEOUT);
        execute(file, "INSERT INTO schema_version (version, name, applied_at) "
                + "VALUES (999, 'from_the_future', '2030-01-01T00:00:00.000Z')");

        assertThatThrownBy(() -> Database.open(file, BUSY_TIMEOUT))
                .isInstanceOf(TenantdeskException.class)
                .hasMessageContaining("schema version 999")
                .hasMessageContaining("newer than this tenantdesk knows");
        assertThat(column(file, "SELECT max(version) FROM schema_version")).containsExactly("999");
    }

    @RepeatedTest(20)
    void twoProgramsOpeningTheSameNewFileAtOnceBothSucceedAndMigrateOnce() throws Exception {
        Path file = folder.resolve("race.db");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Database>> opened = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                opened.add(threads.submit(() -> {
                    start.await();
                    return Database.open(file, BUSY_TIMEOUT);
                }));
            }
            for (Future<Database> database : opened) {
                assertThat(database.get()).isNotNull();
            }
        } finally {
            threads.shutdownNow();
        }

        List<Integer> known = List.copyOf(Migrators.sqlite(null).available().keySet());
        assertThat(column(file, "SELECT version FROM schema_version ORDER BY version")).isEqualTo(strings(known));
        assertThat(column(file, "SELECT count(*) FROM sqlite_master WHERE name = 'inquiry'")).containsExactly("1");
    }

    @Test
    void anOlderFileIsUpgradedInPlaceWithItsDataKept() throws SQLException {
        Path file = folder.resolve("old.db");
        migrate(file, "migrations/upgrade-v1");
        execute(file, "INSERT INTO item (id, name) VALUES (1, 'vaskemaskin')");
        String firstApplied = column(file, "SELECT applied_at FROM schema_version WHERE version = 1").get(0);

        migrate(file, "migrations/upgrade-v2");

        assertThat(column(file, "SELECT version || ' ' || name FROM schema_version ORDER BY version"))
                .containsExactly("1 items", "2 item_history");
        assertThat(column(file, "SELECT applied_at FROM schema_version WHERE version = 1"))
                .containsExactly(firstApplied);
        assertThat(column(file, "SELECT name || '|' || note FROM item")).containsExactly("vaskemaskin|");
        execute(file, "UPDATE item SET name = 'oppvaskmaskin' WHERE id = 1");
        assertThat(column(file, "SELECT old_name FROM item_history")).containsExactly("vaskemaskin");
        assertThat(column(file, "SELECT note FROM item")).containsExactly("renamed");
    }

    private static void migrate(Path file, String scripts) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrators.sqlite(connection, scripts).migrate();
        }
    }

    private static List<String> strings(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).toList();
    }
}
