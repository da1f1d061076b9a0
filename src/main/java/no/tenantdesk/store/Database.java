package no.tenantdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import no.tenantdesk.domain.TemporaryFailureException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.defaults.DefaultSqlSession;
import org.apache.ibatis.transaction.jdbc.JdbcTransaction;

/**
 * A database, a SQLite file or a PostgreSQL server ({@link Dialect}), and the MyBatis mappers over it. Every use case
 * runs in {@link #write} or {@link #read}: one transaction, committed whole or not at all.
 */
public final class Database implements AutoCloseable {

    private final Dialect dialect;
    private final MapperLoading mappers;
    private final ConflictRetry conflicts;

    private Database(Dialect dialect) {
        this.dialect = dialect;
        this.mappers = new MapperLoading(dialect);
        this.conflicts = new ConflictRetry(dialect.address());
    }

    /** Opens the SQLite file, creating it and its folder on first use, and brings its schema up to date. */
    public static Database open(Path file, Duration busyTimeout) {
        return open(new DatabaseAddress.SqliteFile(file), busyTimeout);
    }

    /** Opens the database (a new SQLite file is made) and brings its schema up to date. */
    public static Database open(DatabaseAddress address, Duration busyTimeout) {
        Dialect dialect = Dialect.of(address, busyTimeout);
        Database database = new Database(dialect);
        long deadline = System.nanoTime() + busyTimeout.toNanos();
        while (true) {
            try {
                database.withConnection(true, connection -> {
                    new Migrator(connection, dialect).migrate();
                    return null;
                });
                return database;
            } catch (TemporaryFailureException e) {
                // Two programs creating the same new file at once: the second one's switch to WAL can find the file
                // locked without waiting for it. Within the busy timeout that is worth another try; past it, the
                // database really is busy. A server that is down is not waited for: cron tries again.
                if (!dialect.waitsOnOpen() || System.nanoTime() - deadline > 0) {
                    dialect.close();
                    throw e;
                }
                ConflictRetry.pause(20);
            } catch (RuntimeException e) {
                dialect.close();
                throw e;
            }
        }
    }

    public DatabaseAddress address() {
        return dialect.address();
    }

    /** Whether a statement is a round trip to a server (held rows are then written many to a statement). */
    boolean roundTrips() {
        return dialect.roundTrips();
    }

    /** Whether the file existed, readable by every user of the machine, when it was opened: worth a warning. */
    public boolean readableByOthers() {
        return dialect.readableByOthers();
    }

    /** A lock for one kind of run on this database ("fetch"), or empty while another process holds it. */
    public Optional<RunLock> tryLock(String purpose) {
        return dialect.tryLock(purpose);
    }

    /** One transaction that writes; run again from the start when it failed on a conflict with another writer. */
    public <T> T write(Function<Tx, T> work) {
        return retrying(() -> withConnection(true, connection -> inTransaction(connection, work, true)));
    }

    public <T> T read(Function<Tx, T> work) {
        return withConnection(false, connection -> inTransaction(connection, work, true));
    }

    /** Runs a write and rolls it back: what it would have done, without doing it (fetch-mail --dry-run). */
    public <T> T trial(Function<Tx, T> work) {
        return retrying(() -> withConnection(true, connection -> inTransaction(connection, work, false)));
    }

    /**
     * A consistent copy of the whole database into a new file, while others write ({@link Dialect#backup}), and what
     * {@code atCopy} reads first in the same transaction: on SQLite, exactly what the copy holds.
     */
    public <T> T backup(Path target, Function<Tx, T> atCopy) {
        return withConnection(false, connection -> inTransaction(connection, tx -> {
            T read = atCopy.apply(tx);
            try {
                dialect.backup(connection, target);
            } catch (SQLException e) {
                throw dialect.translate(e);
            }
            return read;
        }, true));
    }

    /** Puts a SQLite file in this database's place, keeping the replaced one as {@code keepAs} unless null. */
    public void replaceWith(Path file, Path keepAs) {
        withConnection(true, connection -> {
            dialect.replace(connection, file, keepAs);
            return null;
        });
    }

    /** The schema version of a SQLite file, read without changing it; -1 when it is no tenantdesk database. */
    public static int schemaVersionOf(Path file) {
        NativeLibrary.useKeptCopy();
        return SqliteDialect.schemaVersion(file);
    }

    /** The tables whose rows a pg_dump file holds, read by pg_restore: whether the dump is whole. */
    public static List<String> tablesInDump(Path dump) {
        return PgDump.tablesWithData(dump);
    }

    /** Writes a SQLite file's log into it and empties the log, so that the file alone is the whole database. */
    public void checkpoint() {
        withConnection(true, connection -> {
            dialect.checkpoint(connection);
            return null;
        });
    }

    /** The database's own facts for `db info`: engine, where, how large. */
    public List<String[]> describe() {
        return withConnection(false, dialect::describe);
    }

    /** The transaction again, from its start, while it fails on a conflict a second try can get past. */
    <T> T retrying(Supplier<T> transaction) {
        return conflicts.run(transaction);
    }

    <T> T inTransaction(Connection connection, Function<Tx, T> work, boolean commit) throws SQLException {
        connection.setAutoCommit(false);
        // REUSE: a batch of fetched messages runs the same few statements hundreds of times; prepare them once.
        Configuration configuration = mappers.configuration();
        try (SqlSession session = new DefaultSqlSession(configuration,
                configuration.newExecutor(new BorrowedTransaction(connection), ExecutorType.REUSE), false)) {
            try {
                Tx tx = new Tx(session, this);
                T result = work.apply(tx);
                tx.writeOut();
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
                try {
                    session.rollback(true);
                } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback);
                }
                if (dialect.retryable(e)) {
                    throw new ConflictRetry.RetryableException(e);
                }
                throw e;
            }
        }
    }

    /** Whether a failure is one that a transaction run again may get past (for {@link Tx#savepoint}). */
    boolean retryable(Throwable failure) {
        return dialect.retryable(failure);
    }

    /**
     * MyBatis' transaction on a connection that its session does not own: closing the session ends the transaction
     * (auto-commit back on) but leaves the connection open, for {@link Writer}'s next transaction or for
     * {@link #withConnection} to hand back.
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
            return new Writer(this, dialect, dialect.connect(true));
        } catch (SQLException e) {
            throw dialect.translate(e);
        }
    }

    private interface ConnectionWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T withConnection(boolean write, ConnectionWork<T> work) {
        Connection connection;
        try {
            connection = dialect.connect(write);
        } catch (SQLException e) {
            throw dialect.translate(e);
        }
        boolean broken = true;
        try {
            T result = work.apply(connection);
            broken = false;
            return result;
        } catch (ConflictRetry.RetryableException e) {
            broken = false; // rolled back, and fine for the next transaction
            throw e;
        } catch (SQLException | PersistenceException e) {
            throw dialect.translate(e);
        } catch (RuntimeException e) {
            broken = false;
            throw e;
        } finally {
            dialect.release(connection, broken);
        }
    }

    /** Done with the database: a server's idle connections are closed. */
    @Override
    public void close() {
        dialect.close();
    }

    /** Reads a mapper's XML on its first use ({@link MapperLoading#load}). */
    void load(Class<?> mapper) {
        mappers.load(mapper);
    }

    /** Every mapper at once, for a database that many threads use at the same time (the daemon). */
    public void loadAllMappers() {
        mappers.loadAll();
    }
}
