package no.tenantdesk.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.files.PrivateFiles;
import no.tenantdesk.store.CopyMapper;
import no.tenantdesk.store.Database;
import no.tenantdesk.store.DatabaseAddress;
import no.tenantdesk.store.RunLock;

/**
 * A backup of the database while it is in use (`db backup`), checked by opening it, and a backup put back in its
 * place (`db restore`), the replaced file kept beside it. A half-made file never carries the name asked for: both are
 * made under a hidden name in the same folder and renamed when whole.
 */
public final class BackupService {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(
            ZoneOffset.UTC);

    private final Database database;
    private final Duration busyTimeout;

    public BackupService(Database database, Duration busyTimeout) {
        this.database = database;
        this.busyTimeout = busyTimeout;
    }

    /**
     * @param tables rows by table in the copy (a PostgreSQL dump: null; {@code check} names its tables)
     * @param check  what the check of the copy found
     */
    public record Backup(String from, Path file, long bytes, Duration took, Map<String, Long> tables, String check) {}

    /** @param replaced where the database that was there is kept; null when it held nothing */
    public record Restored(Path database, Path replaced, Map<String, Long> tables) {}

    public Backup backup(Path file, DatabaseService.Progress progress) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new InvalidInputException("db backup: " + file + " exists; a backup never overwrites a file, give a"
                    + " new name");
        }
        Path folder = target.getParent();
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("db backup: folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new InvalidInputException("db backup: cannot write in " + folder + ": permission denied");
        }
        boolean sqlite = database.address() instanceof DatabaseAddress.SqliteFile;
        Path partial = folder.resolve("." + target.getFileName() + ".partial-" + UUID.randomUUID());
        long started = System.nanoTime();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "tenantdesk-backup-progress");
            thread.setDaemon(true);
            return thread;
        });
        try {
            PrivateFiles.createFile(partial); // 0600 from the start: the copy holds all the tenants' data
            long expected = sqlite ? Files.size(((DatabaseAddress.SqliteFile) database.address()).file()) : 0;
            ScheduledFuture<?> ticking = watcher.scheduleAtFixedRate(
                    () -> progress.step("backup", size(partial), expected), 0, 250, TimeUnit.MILLISECONDS);
            // On SQLite the rows are counted in the transaction the copy is made in: the copy must hold those.
            Map<String, Long> counted = database.backup(partial, sqlite ? DatabaseService::counts : tx -> null);
            ticking.cancel(false);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Backup backup;
            if (sqlite) {
                progress.step("checking the copy", 0, 1);
                Map<String, Long> copied = checkCopy(partial, counted);
                backup = new Backup(database.address().describe(), target, Files.size(partial), took, copied,
                        CHECKED);
            } else {
                List<String> tables = Database.tablesInDump(partial);
                if (!tables.contains("inquiry") || !tables.contains("blob_chunk")) {
                    throw new TenantdeskException("db backup: pg_restore does not find the tables in the dump ("
                            + tables + ")");
                }
                backup = new Backup(database.address().describe(), target, Files.size(partial), took, null,
                        "pg_restore reads it: " + tables.size() + " tables");
            }
            Files.move(partial, target); // never over a file that appeared meanwhile
            return backup;
        } catch (IOException e) {
            throw new TenantdeskException("db backup: cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            watcher.shutdownNow();
            deleteQuietly(partial);
        }
    }

    /** What {@link #checkCopy} makes sure of, as the command says it. */
    static final String CHECKED = "opened, and each table holds the rows the database held when it was copied";

    /**
     * Opens the copy (a tenantdesk database of this version) and counts its rows, which must be, table by table,
     * exactly those the database held in the transaction the copy was made in. SQLite copies its own pages, so a copy
     * is not torn; what could go wrong is the writing (a short disk: the copy fails) or the copy's file. Every page is
     * read and checked when a backup is restored (quick_check, {@link #restore}): here it would cost about as much
     * as the copy again.
     */
    private Map<String, Long> checkCopy(Path copy, Map<String, Long> counted) {
        try (Database opened = Database.open(copy, busyTimeout)) {
            Map<String, Long> copied = opened.read(DatabaseService::counts);
            if (!copied.equals(counted)) {
                throw new TenantdeskException("db backup: the copy's rows differ from the database's: " + copied
                        + " in the copy, " + counted + " in the database");
            }
            opened.checkpoint();
            return copied;
        }
    }

    /**
     * Puts a backup in the place of this (SQLite) database. The backup is copied, brought up to this version's schema
     * and checked first, beside the database under a hidden name: a file that is no tenantdesk database, a newer
     * one's, or a damaged one changes nothing.
     */
    public Restored restore(Path source, boolean force, Instant now) {
        if (!(database.address() instanceof DatabaseAddress.SqliteFile sqlite)) {
            throw new InvalidInputException("db restore: a PostgreSQL database is restored with pg_restore: pg_restore"
                    + " --clean --if-exists -d " + database.address().describe() + " FILE");
        }
        if (!Files.isRegularFile(source)) {
            throw new InvalidInputException("db restore: " + source + (Files.exists(source) ? " is not a file"
                    : " does not exist"));
        }
        if (!sqliteFile(source) || Database.schemaVersionOf(source) < 0) {
            throw new InvalidInputException("db restore: " + source + " is not a tenantdesk database");
        }
        Path target = sqlite.file().toAbsolutePath();
        Path copy = target.resolveSibling("." + target.getFileName() + ".restore-" + UUID.randomUUID());
        try {
            PrivateFiles.createFile(copy);
            try (InputStream in = Files.newInputStream(source)) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, Long> restored = checkRestored(source, copy);
            Map<String, Long> held = database.read(DatabaseService::counts);
            String filled = held.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            Path keepAs = filled.isEmpty() ? null
                    : target.resolveSibling(target.getFileName() + ".replaced-" + STAMP.format(now));
            if (keepAs != null && !force) {
                throw new InvalidInputException("db restore: " + target + " holds data (" + filled + "); give --force"
                        + " to replace it (it is kept as " + keepAs.getFileName() + ")");
            }
            RunLock lock = database.tryLock("fetch").orElseThrow(() -> new TemporaryFailureException(
                    "db restore: a fetch-mail is running on " + target + "; try again when it is done", null));
            try {
                database.replaceWith(copy, keepAs);
            } finally {
                lock.close();
            }
            return new Restored(target, keepAs, restored);
        } catch (IOException e) {
            throw new TenantdeskException("db restore: cannot copy " + source + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(copy);
            deleteQuietly(copy.resolveSibling(copy.getFileName() + "-wal"));
            deleteQuietly(copy.resolveSibling(copy.getFileName() + "-shm"));
        }
    }

    private Map<String, Long> checkRestored(Path source, Path copy) {
        try (Database opened = Database.open(copy, busyTimeout)) { // brings an older backup's schema up to date
            List<String> problems = opened.read(tx -> tx.mapper(CopyMapper.class).problems());
            if (!problems.equals(List.of("ok"))) {
                throw new InvalidInputException("db restore: " + source + " is damaged: " + problems.get(0));
            }
            Map<String, Long> counts = new LinkedHashMap<>(opened.read(DatabaseService::counts));
            opened.checkpoint();
            return counts;
        } catch (InvalidInputException e) {
            throw e;
        } catch (TemporaryFailureException e) {
            throw e;
        } catch (TenantdeskException e) {
            // A newer tenantdesk's schema, or another program's tables: the user's input, not our failure.
            throw new InvalidInputException("db restore: " + source + ": " + e.getMessage());
        }
    }

    private static boolean sqliteFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            throw new InvalidInputException("db restore: cannot read " + file + ": " + e.getMessage());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A hidden leftover beside the database; its name says what it was.
        }
    }
}
