package no.tenantdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.tenantdesk.domain.TenantdeskException;
import org.apache.ibatis.type.ByteArrayTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.apache.ibatis.type.TypeHandlerRegistry;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.core.DB;
import org.sqlite.SQLiteDataSource;

/** One SQLite file: WAL, foreign keys, a busy timeout, writers that take the lock when they begin. */
final class SqliteDialect implements Dialect {

    /** The page size of a new file, in bytes. */
    static final int PAGE_SIZE = 8192;

    private final Path file;
    private final SQLiteDataSource writeSource;
    private final SQLiteDataSource readSource;
    private final boolean readableByOthers;

    private SqliteDialect(Path file, Duration busyTimeout, boolean readableByOthers) {
        this.file = file;
        this.readableByOthers = readableByOthers;
        // A writer takes the write lock when it begins (IMMEDIATE), not halfway through: two writers then queue on
        // the busy timeout instead of one failing with SQLITE_BUSY on a lock upgrade.
        this.writeSource = dataSource(file, busyTimeout, SQLiteConfig.TransactionMode.IMMEDIATE);
        this.readSource = dataSource(file, busyTimeout, SQLiteConfig.TransactionMode.DEFERRED);
    }

    /**
     * The file and its folder are made on first use, the user's alone; a folder where the file should be is an error.
     */
    static SqliteDialect open(Path file, Duration busyTimeout) {
        if (Files.isDirectory(file)) {
            throw new TenantdeskException("cannot open database " + file + ": it is a folder");
        }
        boolean readableByOthers = SqliteFileCreation.createPrivately(file);
        NativeLibrary.useKeptCopy();
        return new SqliteDialect(file, busyTimeout, readableByOthers);
    }

    @Override
    public boolean readableByOthers() {
        return readableByOthers;
    }

    @Override
    public DatabaseAddress address() {
        return new DatabaseAddress.SqliteFile(file);
    }

    @Override
    public String id() {
        return "sqlite";
    }

    @Override
    public String migrations() {
        return Migrator.FOLDER;
    }

    @Override
    public Connection connect(boolean write) throws SQLException {
        Connection connection = (write ? writeSource : readSource).getConnection();
        try (Statement pragmas = connection.createStatement()) {
            // In this order, which the driver's settings do not keep: a file's page size can be chosen only before
            // it is in WAL mode. It counts for a new file only (an existing one keeps its own): 8 KB pages hold three
            // rows of a 2 KB mail where 4 KB pages held one and left the rest empty. 10,000 small mails then take
            // 87 MB instead of 107, and their import about 7% less time (README, Performance).
            pragmas.execute("PRAGMA page_size = " + PAGE_SIZE);
            pragmas.execute("PRAGMA journal_mode = WAL");
            UnicodeLower.register(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public void release(Connection connection, boolean broken) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static SQLiteDataSource dataSource(Path file, Duration busyTimeout, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.setTransactionMode(mode);
        // Every statement returns what it needs with RETURNING; left on, the driver runs a SELECT last_insert_rowid()
        // after each INSERT, in case somebody asks for the generated keys.
        config.setGetGeneratedKeys(false);
        if (mode == SQLiteConfig.TransactionMode.IMMEDIATE) {
            // Inside a transaction every INSERT into a table with a unique index or a trigger keeps a statement
            // journal (the pages it touches, to undo just that statement): in a temporary file, that was half of all
            // the bytes fetch-mail wrote. It holds what one statement touched, so memory is the better place. Not for
            // readers: a large query's temporary tables should not have to fit in memory.
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        }
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source;
    }

    @Override
    public void registerTypes(TypeHandlerRegistry registry) {
        registry.register(Instant.class, new InstantTypeHandler());
        registry.register(LocalDate.class, new LocalDateTypeHandler());
        // The driver has no java.sql.Blob; a BLOB column is read and written as plain bytes.
        registry.register(byte[].class, JdbcType.BLOB, new ByteArrayTypeHandler());
    }

    /** Writers wait for each other on the busy timeout instead: what is busy past it stays busy. */
    @Override
    public boolean retryable(Throwable failure) {
        return false;
    }

    @Override
    public TenantdeskException translate(Exception failure) {
        return StoreErrors.translate(file, failure);
    }

    @Override
    public Optional<RunLock> tryLock(String purpose) {
        return FileRunLock.tryAcquire(file.resolveSibling(file.getFileName() + "." + purpose + ".lock"));
    }

    /**
     * SQLite's online backup: the file's pages as they are, copied in the read transaction the connection holds, so
     * the copy is the database as that transaction sees it, while writers go on (WAL); every step of it reads the same
     * snapshot. VACUUM INTO, which did it before, built every table and index again row by row: 65 MB/s where cp copies
     * 378 MB/s (scripts/bench-stewardship). Its copy was compact; this one keeps the free pages the database has.
     */
    @Override
    public void backup(Connection connection, Path target) throws SQLException {
        DB db = connection.unwrap(SQLiteConnection.class).getDatabase();
        int result = db.backup("main", target.toString(), null, BUSY_PAUSE_MS, BUSY_PAUSES, BACKUP_STEP_PAGES);
        if (result != SQLiteErrorCode.SQLITE_OK.code) {
            throw DB.newSQLException(result, "cannot write the backup " + target);
        }
    }

    /** 64 MB a step: the copy's writes go to the file as it grows (its size is the progress shown). */
    private static final int BACKUP_STEP_PAGES = 8192;
    /** The new file is nobody else's: busy only if another program opened it meanwhile. */
    private static final int BUSY_PAUSE_MS = 100;
    private static final int BUSY_PAUSES = 50;

    @Override
    public void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    @Override
    public void replace(Connection connection, Path restored, Path keepAs) throws SQLException {
        checkpoint(connection);
        connection.setAutoCommit(false); // BEGIN IMMEDIATE: the write lock, and no writer after it
        try {
            Path log = file.resolveSibling(file.getFileName() + "-wal");
            if (Files.exists(log) && Files.size(log) > 0) {
                // Written between the checkpoint and the lock: its pages belong to the file being replaced.
                connection.rollback();
                connection.setAutoCommit(true);
                replace(connection, restored, keepAs);
                return;
            }
            if (keepAs != null) {
                Files.createLink(keepAs, file);
            }
            Files.move(restored, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new TenantdeskException("cannot put the restored database in place of " + file + ": "
                    + e.getMessage(), e);
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * The schema version of a SQLite file, read without changing it: -1 when it is not a SQLite file or has no
     * version table of ours.
     */
    static int schemaVersion(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (!tables.next() || tables.getInt(1) == 0) {
                return -1;
            }
            try (Statement query = connection.createStatement();
                    ResultSet version = query.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                return version.next() ? version.getInt(1) : -1;
            }
        } catch (SQLException e) {
            return -1; // "file is not a database", or another program's table of that name
        }
    }

    @Override
    public boolean waitsOnOpen() {
        return true;
    }

    /** Nothing to do: the migration's connection is a writer's, which has the file's write lock from its BEGIN. */
    @Override
    public void lockForMigration(Connection connection) {}

    /** Times are ISO-8601 text in SQLite (V001). */
    @Override
    public String timestampType() {
        return "TEXT";
    }

    @Override
    public List<String> tables(Connection connection) throws SQLException {
        return Dialect.column(connection,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name");
    }

    @Override
    public List<String[]> describe(Connection connection) throws SQLException {
        long pageSize = pragma(connection, "page_size");
        long pages = pragma(connection, "page_count");
        long free = pragma(connection, "freelist_count");
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"engine", "SQLite " + connection.getMetaData().getDatabaseProductVersion()});
        facts.add(new String[] {"size", bytes(pageSize * pages) + " (" + pages + " pages of " + pageSize
                + " bytes, " + free + " free)"});
        try {
            facts.add(new String[] {"write-ahead log", bytes(Files.exists(wal) ? Files.size(wal) : 0)});
        } catch (IOException e) {
            facts.add(new String[] {"write-ahead log", "unreadable: " + e.getMessage()});
        }
        return facts;
    }

    private static long pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** 1.2 MB: sizes as people read them. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    @Override
    public void close() {}
}
