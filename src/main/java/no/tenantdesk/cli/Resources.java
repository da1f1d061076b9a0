package no.tenantdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.DatabaseAddress;

/**
 * What is expensive to open and safe to share between runs: the databases, with their MyBatis configuration and
 * migrations done. One run of the program has its own; the shell keeps one for its whole session, so that every
 * line gets a new command tree but the database is opened once; the daemon keeps one for all its clients.
 */
public final class Resources {

    private record Key(DatabaseAddress address, Duration busyTimeout) {}

    /** An open database and the file it was opened on: a file put in its place (a restored backup) is opened anew. */
    private record Opened(Object fileKey, Database database) {}

    private final boolean concurrent;
    private final Map<Key, Opened> databases = new HashMap<>();

    /** For the runs of one thread: the program's, the shell's. */
    public Resources() {
        this(false);
    }

    private Resources(boolean concurrent) {
        this.concurrent = concurrent;
    }

    /** For runs on many threads at once: the daemon's. */
    public static Resources concurrent() {
        return new Resources(true);
    }

    /**
     * The database at this address, opened on first use; a failed open is not kept, so the next run tries again.
     *
     * @param warnings told once, when a file is opened, that every user of the machine can read it
     */
    synchronized Database database(DatabaseAddress address, Duration busyTimeout, Consumer<String> warnings) {
        Key key = new Key(address instanceof DatabaseAddress.SqliteFile sqlite
                ? new DatabaseAddress.SqliteFile(sqlite.file().toAbsolutePath().normalize()) : address, busyTimeout);
        Object fileKey = fileKey(key.address());
        Opened opened = databases.get(key);
        if (opened == null || !Objects.equals(opened.fileKey(), fileKey)) {
            Database database = Database.open(address, busyTimeout);
            if (concurrent) {
                // MyBatis' configuration is not safe to add to while other threads read it: load every mapper now.
                database.loadAllMappers();
            }
            if (opened != null) {
                opened.database().close();
            }
            opened = new Opened(fileKey(key.address()), database);
            databases.put(key, opened);
            if (database.readableByOthers() && address instanceof DatabaseAddress.SqliteFile sqlite) {
                warnings.accept("every user of this machine can read the database " + sqlite.file() + " ("
                        + Passwords.octal(permissions(sqlite.file())) + "); chmod 600 it to keep tenants' data"
                        + " private, or see README, Security, to share it with a group");
            }
        }
        return opened.database();
    }

    private static Set<PosixFilePermission> permissions(Path file) {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            return Set.of();
        }
    }

    /**
     * A file's identity (device and inode); a new object when it does not exist yet, so that it is opened anew.
     * A server has none: its database is the same one for as long as this lives.
     */
    private static Object fileKey(DatabaseAddress address) {
        if (!(address instanceof DatabaseAddress.SqliteFile sqlite)) {
            return "server";
        }
        try {
            return Files.readAttributes(sqlite.file(), BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return new Object();
        }
    }
}
