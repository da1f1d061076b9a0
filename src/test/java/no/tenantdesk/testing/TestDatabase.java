package no.tenantdesk.testing;

import java.nio.file.Path;
import java.time.Duration;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.DatabaseAddress;

/** A new database for a test that uses the services directly: a SQLite file, or in the PostgreSQL pass a server's. */
public final class TestDatabase {

    private TestDatabase() {}

    public static Database open(Path folder) {
        DatabaseAddress address = Postgres.selected() ? Postgres.server(Postgres.cluster().databaseFor(folder))
                : new DatabaseAddress.SqliteFile(folder.resolve("tenantdesk.db"));
        return Database.open(address, Duration.ofSeconds(10));
    }
}
