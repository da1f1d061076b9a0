package no.tenantdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

/** Migrators on plain SQLite connections: tests make a file as an older release left it. */
final class Migrators {

    private Migrators() {}

    static Migrator sqlite(Connection connection) {
        return new Migrator(connection, dialect());
    }

    static Migrator sqlite(Connection connection, String folder) {
        return new Migrator(connection, dialect(), folder);
    }

    /** The dialect of a file that only names no file: its connections are the test's own. */
    static Dialect dialect() {
        return SqliteDialect.open(Path.of(System.getProperty("java.io.tmpdir"), "tenantdesk-test-unused.db"),
                Duration.ofSeconds(5));
    }
}
