package no.tenantdesk.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import no.tenantdesk.store.Database;

/**
 * What is expensive to open and safe to share between runs: the databases, with their MyBatis configuration and
 * migrations done. One run of the program has its own; the shell keeps one for its whole session, so that every
 * line gets a new command tree but the database is opened once.
 */
final class Resources {

    private record Key(Path file, Duration busyTimeout) {}

    private final Map<Key, Database> databases = new HashMap<>();

    /** The database in this file, opened on first use; a failed open is not kept, so the next run tries again. */
    Database database(Path file, Duration busyTimeout) {
        return databases.computeIfAbsent(new Key(file.toAbsolutePath().normalize(), busyTimeout),
                key -> Database.open(file, busyTimeout));
    }
}
