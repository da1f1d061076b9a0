package no.tenantdesk.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.files.PrivateFiles;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.defaults.DefaultSqlSession;
import org.apache.ibatis.transaction.jdbc.JdbcTransaction;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.ByteArrayTypeHandler;
import org.apache.ibatis.type.JdbcType;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file and the MyBatis mappers over it. Every use case runs in {@link #write} or {@link #read}: one
 * transaction, committed whole or not at all.
 */
public final class Database {

    /** Every mapper, each with its SQL in an XML file of the same name. */
    static final List<Class<?>> MAPPERS = List.of(LocationMapper.class, ContactMapper.class, InquiryMapper.class,
            TaskMapper.class, CommentMapper.class, AttachmentMapper.class, EventMapper.class, MailMapper.class,
            OutboxMapper.class);
    /** The page size of a new file, in bytes. */
    static final int PAGE_SIZE = 8192;

    private final Path file;
    private final SQLiteDataSource writeSource;
    private final SQLiteDataSource readSource;
    private final Configuration configuration;
    private final boolean readableByOthers;

    private Database(Path file, Duration busyTimeout, boolean readableByOthers) {
        this.file = file;
        this.readableByOthers = readableByOthers;
        // A writer takes the write lock when it begins (IMMEDIATE), not halfway through: two writers then queue on
        // the busy timeout instead of one failing with SQLITE_BUSY on a lock upgrade.
        this.writeSource = dataSource(file, busyTimeout, SQLiteConfig.TransactionMode.IMMEDIATE);
        this.readSource = dataSource(file, busyTimeout, SQLiteConfig.TransactionMode.DEFERRED);
        this.configuration = configuration(readSource);
    }

    /** Opens the file, creating it and its folder on first use, and brings its schema up to date. */
    public static Database open(Path file, Duration busyTimeout) {
        if (Files.isDirectory(file)) {
            throw new TenantdeskException("cannot open database " + file + ": it is a folder");
        }
        boolean readableByOthers = createPrivately(file);
        NativeLibrary.useKeptCopy();
        Database database = new Database(file, busyTimeout, readableByOthers);
        long deadline = System.nanoTime() + busyTimeout.toNanos();
        while (true) {
            try {
                database.withConnection(database.writeSource, connection -> {
                    new Migrator(connection).migrate();
                    return null;
                });
                return database;
            } catch (TemporaryFailureException e) {
                // Two programs creating the same new file at once: the second one's switch to WAL can find the file
                // locked without waiting for it. Within the busy timeout that is worth another try; past it, the
                // database really is busy.
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException("interrupted while the database was busy", e);
        }
    }

    /**
     * A new database, and the folders made for it, are the user's alone (0600 and 0700, whatever the umask): they
     * hold tenants' names, addresses and mail. SQLite gives the -wal, -shm and -journal files the mode of the database
     * file, so they follow. A file that exists keeps its mode: a database shared with a group is shared on purpose.
     *
     * @return whether an existing file can be read by every user of the machine
     */
    private static boolean createPrivately(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            PrivateFiles.createFolders(folder);
        } catch (IOException e) {
            throw new TenantdeskException(
                    "cannot create folder " + folder + " for the database: " + reason(folder, e), e);
        }
        try {
            PrivateFiles.createFile(file);
            return false;
        } catch (FileAlreadyExistsException e) {
            return PrivateFiles.readableByOthers(file);
        } catch (IOException e) {
            return false; // a folder we may not write in: SQLite says so when it opens the file
        }
    }

    /** The IOException of createDirectories names a path, not the problem. */
    private static String reason(Path folder, IOException e) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return p + " is a file, not a folder";
            }
        }
        return e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
    }

    public Path file() {
        return file;
    }

    /** Whether the file existed, readable by every user of the machine, when it was opened: worth a warning. */
    public boolean readableByOthers() {
        return readableByOthers;
    }

    /** A lock for one kind of run on this database ("fetch"), or empty while another process holds it. */
    public Optional<RunLock> tryLock(String purpose) {
        return RunLock.tryAcquire(file.resolveSibling(file.getFileName() + "." + purpose + ".lock"));
    }

    public <T> T write(Function<Tx, T> work) {
        return inTransaction(writeSource, work, true);
    }

    public <T> T read(Function<Tx, T> work) {
        return inTransaction(readSource, work, true);
    }

    /** Runs a write and rolls it back: what it would have done, without doing it (fetch-mail --dry-run). */
    public <T> T trial(Function<Tx, T> work) {
        return inTransaction(writeSource, work, false);
    }

    private <T> T inTransaction(SQLiteDataSource source, Function<Tx, T> work, boolean commit) {
        return withConnection(source, connection -> inTransaction(connection, work, commit));
    }

    private <T> T inTransaction(Connection connection, Function<Tx, T> work, boolean commit) throws SQLException {
        connection.setAutoCommit(false);
        // REUSE: a batch of fetched messages runs the same few statements hundreds of times; prepare them once.
        try (SqlSession session = new DefaultSqlSession(configuration,
                configuration.newExecutor(new BorrowedTransaction(connection), ExecutorType.REUSE), false)) {
            try {
                T result = work.apply(new Tx(session, this));
                if (Thread.currentThread().isInterrupted()) {
                    // The daemon interrupts a run whose user has gone (Ctrl-C): as in a process of its own, what was
                    // not committed then is not committed at all.
                    throw new TemporaryFailureException("interrupted: nothing was saved", null);
                }
                if (commit) {
                    // Forced: an INSERT … RETURNING runs as a MyBatis select and would not mark the session dirty.
                    session.commit(true);
                } else {
                    session.rollback(true);
                }
                return result;
            } catch (RuntimeException | Error e) {
                // Forced for the same reason: a session that is not dirty skips the rollback, and closing it turns
                // auto-commit back on, which commits whatever the failed use case had written.
                session.rollback(true);
                throw e;
            }
        }
    }

    /**
     * MyBatis' transaction on a connection that its session does not own: closing the session ends the transaction
     * (auto-commit back on) but leaves the connection open, for {@link Writer}'s next transaction or for
     * {@link #withConnection} to close.
     */
    private static final class BorrowedTransaction extends JdbcTransaction {

        BorrowedTransaction(Connection connection) {
            super(connection);
        }

        @Override
        public void close() {
            resetAutoCommit();
        }
    }

    /**
     * One write connection for a run of many transactions, such as fetch-mail's batches. A connection per
     * transaction costs each of them SQLite's reading of the schema, a page cache that starts empty, and, when it
     * closes as the file's last connection, a checkpoint of the whole write-ahead log. Between transactions the
     * connection holds no lock: other programs write as before.
     */
    public Writer writer() {
        try {
            return new Writer(connect(writeSource));
        } catch (SQLException e) {
            throw StoreErrors.translate(file, e);
        }
    }

    /** The transactions of {@link #writer()}; close it when the run ends. */
    public final class Writer implements AutoCloseable {

        private final Connection connection;

        private Writer(Connection connection) {
            this.connection = connection;
        }

        /** As {@link Database#write}, on this connection. */
        public <T> T write(Function<Tx, T> work) {
            return run(work, true);
        }

        /** As {@link Database#trial}, on this connection. */
        public <T> T trial(Function<Tx, T> work) {
            return run(work, false);
        }

        private <T> T run(Function<Tx, T> work, boolean commit) {
            try {
                return inTransaction(connection, work, commit);
            } catch (SQLException | PersistenceException e) {
                throw StoreErrors.translate(file, e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw StoreErrors.translate(file, e);
            }
        }
    }

    private interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T withConnection(SQLiteDataSource source, ConnectionWork<T> work) {
        try (Connection connection = connect(source)) {
            return work.apply(connection);
        } catch (SQLException | PersistenceException e) {
            throw StoreErrors.translate(file, e);
        }
    }

    private static Connection connect(SQLiteDataSource source) throws SQLException {
        Connection connection = source.getConnection();
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

    /** Package-private: QueryPlanTest asks it for the SQL of a statement, to check the plan SQLite makes of it. */
    static Configuration configuration(SQLiteDataSource source) {
        Configuration configuration =
                new Configuration(new Environment("sqlite", new JdbcTransactionFactory(), source));
        configuration.setDatabaseId("sqlite");
        configuration.setArgNameBasedConstructorAutoMapping(true);
        configuration.setMapUnderscoreToCamelCase(true);
        // A use case reads what it has just written; a session-wide cache would hand back stale rows.
        configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
        configuration.setCacheEnabled(false);
        configuration.setDefaultEnumTypeHandler(CliEnumTypeHandler.class);
        configuration.getTypeHandlerRegistry().register(Instant.class, new InstantTypeHandler());
        configuration.getTypeHandlerRegistry().register(LocalDate.class, new LocalDateTypeHandler());
        // The driver has no java.sql.Blob; a BLOB column is read and written as plain bytes.
        configuration.getTypeHandlerRegistry().register(byte[].class, JdbcType.BLOB, new ByteArrayTypeHandler());
        return configuration;
    }

    /**
     * Reads a mapper's XML on its first use rather than all of them at open: a command uses two or three of the
     * nine, and parsing the rest was a good part of every start. A mapper whose XML includes another's SQL (an
     * incomplete statement, in MyBatis' words) brings in all the others, as an open did before.
     */
    void load(Class<?> mapper) {
        synchronized (configuration) {
            if (configuration.hasMapper(mapper)) {
                return;
            }
            configuration.addMapper(mapper);
            if (incomplete()) {
                for (Class<?> other : MAPPERS) {
                    if (!configuration.hasMapper(other)) {
                        configuration.addMapper(other);
                    }
                }
            }
        }
    }

    /** Every mapper at once, for a database that many threads use at the same time (the daemon). */
    public void loadAllMappers() {
        MAPPERS.forEach(this::load);
    }

    private boolean incomplete() {
        return !configuration.getIncompleteStatements().isEmpty() || !configuration.getIncompleteResultMaps().isEmpty()
                || !configuration.getIncompleteCacheRefs().isEmpty() || !configuration.getIncompleteMethods().isEmpty();
    }
}
