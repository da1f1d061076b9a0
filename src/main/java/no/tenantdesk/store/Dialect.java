package no.tenantdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import no.tenantdesk.domain.TenantdeskException;
import org.apache.ibatis.type.TypeHandlerRegistry;

/**
 * What differs between SQLite and PostgreSQL below the mappers: how a connection is made and what it is told, the
 * types a time or a date is bound as, which failures are worth another try, how a run lock is held, and what a
 * failure means to a user. The one place in Java that knows which database it talks to; the SQL that differs is in
 * the mapper XML (databaseId) and in the migrations of each.
 */
interface Dialect extends AutoCloseable {

    /** Picks the dialect of an address; the PostgreSQL driver is loaded only when the address names a server. */
    static Dialect of(DatabaseAddress address, Duration busyTimeout) {
        if (address instanceof DatabaseAddress.SqliteFile sqlite) {
            return SqliteDialect.open(sqlite.file(), busyTimeout);
        }
        return new PostgresDialect((PostgresServer) address, busyTimeout);
    }

    DatabaseAddress address();

    /** MyBatis' databaseId, as the mapper XML names it: "sqlite" or "postgresql". */
    String id();

    /**
     * Whether each statement is a round trip to a server, so that rows held back are worth writing many to a statement
     * ({@link WriteBehind}). MyBatis builds and parses such a statement anew each time, which costs more than an
     * in-process SQLite statement prepared once: there they are written a row at a time.
     */
    default boolean roundTrips() {
        return false;
    }

    /** The resource folder of this dialect's numbered migrations. */
    String migrations();

    /**
     * A connection for one use: writing (the write lock up front on SQLite) or reading. Hand it back with
     * {@link #release}.
     */
    Connection connect(boolean write) throws SQLException;

    /** Done with a connection; {@code broken} when a failure may have left it unusable. */
    void release(Connection connection, boolean broken);

    /** The type handlers that bind instants and dates as this database keeps them. */
    void registerTypes(TypeHandlerRegistry registry);

    /** Whether running the whole transaction again may succeed: a serialisation failure, a deadlock. */
    boolean retryable(Throwable failure);

    /** A failure as the user reads it, with the exit code its type stands for; the driver's words stay the cause. */
    TenantdeskException translate(Exception failure);

    /** Whether every user of the machine can read the data: a SQLite file that existed so (a server: never). */
    boolean readableByOthers();

    /** A lock for one kind of run on this database ("fetch"), or empty while another process holds it. */
    Optional<RunLock> tryLock(String purpose);

    /**
     * Whether an open that finds the database busy tries again within the busy timeout: two programs making one new
     * SQLite file at once. A server that is down is not waited for: cron tries again.
     */
    boolean waitsOnOpen();

    /** Inside the migration's transaction, before it reads the schema version: one migrating program at a time. */
    void lockForMigration(Connection connection) throws SQLException;

    /** The column type of schema_version's times. */
    String timestampType();

    /** Whether the database has this table. */
    default boolean hasTable(Connection connection, String table) throws SQLException {
        return tables(connection).contains(table);
    }

    /** The tables of the database's schema, for telling a tenantdesk database from another program's. */
    List<String> tables(Connection connection) throws SQLException;

    /** What `db info` tells of where the data is and how much room it takes, label and value. */
    List<String[]> describe(Connection connection) throws SQLException;

    /**
     * A consistent copy of the whole database into {@code target} (a new file), taken while others read and write:
     * on SQLite, the pages of the read transaction the connection is in; PostgreSQL's is pg_dump's snapshot, run when
     * it is installed.
     */
    void backup(Connection connection, Path target) throws SQLException;

    /** Makes the file whole for a move: the write-ahead log written into it and emptied. Nothing on a server. */
    void checkpoint(Connection connection) throws SQLException;

    /**
     * Puts {@code file} in the database's place, the replaced one kept as {@code keepAs} (or dropped when null), while
     * the write lock keeps every writer out: nothing can reach the log between the two. A SQLite file only.
     */
    void replace(Connection connection, Path file, Path keepAs) throws SQLException;

    @Override
    void close();

    /** The first column of every row a query returns: the table names of {@link #tables}. */
    static List<String> column(Connection connection, String query) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
