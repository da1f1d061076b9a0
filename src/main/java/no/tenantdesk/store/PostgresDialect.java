package no.tenantdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import no.tenantdesk.domain.TenantdeskException;
import org.apache.ibatis.type.TypeHandlerRegistry;

/**
 * A PostgreSQL server. Connections are kept for the next transaction (the daemon runs many commands on one
 * database), writers wait for a row lock at most the busy timeout ({@code lock_timeout}), readers see one snapshot
 * for their whole transaction, and the run lock is an advisory lock held by a connection of its own.
 */
final class PostgresDialect implements Dialect {

    /** The first key of tenantdesk's advisory locks; the second names the purpose (0: migrating). */
    private static final int LOCK_SPACE = 0x7e4a_0d35;
    /** Idle connections kept, per kind; more at once are closed when handed back. */
    private static final int KEPT = 4;
    /** An idle connection older than this is closed rather than used: the server or a firewall may have dropped it. */
    private static final long IDLE_NANOS = Duration.ofSeconds(60).toNanos();

    private final PostgresServer server;
    private final Duration busyTimeout;
    private final org.postgresql.Driver driver = new org.postgresql.Driver();
    private final Deque<Idle> idleWriters = new ArrayDeque<>();
    private final Deque<Idle> idleReaders = new ArrayDeque<>();

    private record Idle(Connection connection, long since) {}

    PostgresDialect(PostgresServer server, Duration busyTimeout) {
        this.server = server;
        this.busyTimeout = busyTimeout;
    }

    @Override
    public DatabaseAddress address() {
        return server;
    }

    @Override
    public String id() {
        return "postgresql";
    }

    @Override
    public boolean roundTrips() {
        return true;
    }

    @Override
    public String migrations() {
        return Migrator.FOLDER + "/postgresql";
    }

    @Override
    public Connection connect(boolean write) throws SQLException {
        Deque<Idle> idle = write ? idleWriters : idleReaders;
        synchronized (this) {
            while (!idle.isEmpty()) {
                Idle kept = idle.pollFirst();
                if (System.nanoTime() - kept.since() < IDLE_NANOS) {
                    return kept.connection();
                }
                closeQuietly(kept.connection());
            }
        }
        Connection connection = open();
        if (!write) {
            // Writers read the latest committed rows, and lock the rows a use case must (InquiryMapper.lock); a reader
            // sees one snapshot for its whole transaction, so that a page and its count agree.
            try {
                connection.setReadOnly(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                // A reader's statements are planned for their own values: a kept connection's statement is prepared
                // on the server after five uses, and its generic plan knows neither how many inquiries a search word
                // finds nor that a list of statuses is the open ones' (a partial index): "search kakerlakk" took
                // 756 ms instead of 20 on a million. Writers keep generic plans: planning each of fetch-mail's
                // inserts again cost the server more than the plans save.
                try (Statement settings = connection.createStatement()) {
                    settings.execute("SET plan_cache_mode = force_custom_plan");
                }
            } catch (SQLException e) {
                closeQuietly(connection);
                throw e;
            }
        }
        return connection;
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.user());
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        properties.setProperty("ApplicationName", server.settings().getOrDefault("application_name", "tenantdesk"));
        properties.setProperty("sslmode", server.sslMode());
        for (String file : List.of("sslrootcert", "sslcert", "sslkey")) {
            if (server.settings().containsKey(file)) {
                properties.setProperty(file, server.settings().get(file));
            }
        }
        properties.setProperty("connectTimeout", server.settings().getOrDefault("connect_timeout", "10"));
        properties.setProperty("tcpKeepAlive", "true");
        // The import's search words go in the server's binary form, which the driver sends only for types named here.
        properties.setProperty("binaryTransferEnable", String.valueOf(TsvectorArray.OID));
        // The busy timeout, as SQLite's: a writer waits this long for a row another one has locked, then gives up
        // (exit 75) instead of hanging a cron job.
        properties.setProperty("options", "-c lock_timeout=" + Math.max(1, busyTimeout.toMillis()));
        String url = "jdbc:postgresql://" + (server.host().contains(":") ? "[" + server.host() + "]" : server.host())
                + ":" + server.port() + "/";
        Connection connection = driver.connect(url + encode(server.databaseOrUser()), properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver did not take " + url);
        }
        return connection;
    }

    private static String encode(String database) {
        return java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void release(Connection connection, boolean broken) {
        try {
            if (broken || connection.isClosed() || !connection.getAutoCommit()) {
                closeQuietly(connection);
                return;
            }
        } catch (SQLException e) {
            closeQuietly(connection);
            return;
        }
        boolean write = isWriter(connection);
        Deque<Idle> idle = write ? idleWriters : idleReaders;
        synchronized (this) {
            if (idle.size() < KEPT) {
                idle.addFirst(new Idle(connection, System.nanoTime()));
                return;
            }
        }
        closeQuietly(connection);
    }

    private static boolean isWriter(Connection connection) {
        try {
            return !connection.isReadOnly();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Gone already: nothing was left to close.
        }
    }

    @Override
    public void registerTypes(TypeHandlerRegistry registry) {
        registry.register(Instant.class, new PostgresTypes.InstantHandler());
        registry.register(LocalDate.class, new PostgresTypes.LocalDateHandler());
        registry.register(String[].class, new PostgresArrayTypeHandler<>());
        registry.register(byte[][].class, new PostgresArrayTypeHandler<>());
    }

    @Override
    public boolean retryable(Throwable failure) {
        String state = PostgresErrors.state(failure);
        return "40001".equals(state) || "40P01".equals(state);
    }

    @Override
    public TenantdeskException translate(Exception failure) {
        return PostgresErrors.translate(server, failure);
    }

    /** The server's own rules (roles, grants) say who reads it: nothing of ours lies on this machine's disk. */
    @Override
    public boolean readableByOthers() {
        return false;
    }

    @Override
    public Optional<RunLock> tryLock(String purpose) {
        Connection connection;
        try {
            connection = open();
        } catch (SQLException e) {
            throw translate(e);
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setInt(2, purpose.hashCode() == 0 ? 1 : purpose.hashCode());
            try (ResultSet rs = lock.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    // Held as long as this connection lives: the server lets go when the process ends, however.
                    return Optional.of(() -> closeQuietly(connection));
                }
            }
            closeQuietly(connection);
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw translate(e);
        }
    }

    /** pg_dump's snapshot; the connection only says that the server is there and lets us in. */
    @Override
    public void backup(Connection connection, Path target) {
        new PgDump(server).dump(target);
    }

    @Override
    public void checkpoint(Connection connection) {}

    @Override
    public void replace(Connection connection, Path file, Path keepAs) {
        throw new UnsupportedOperationException("a server's database is restored by pg_restore");
    }

    @Override
    public boolean waitsOnOpen() {
        return false;
    }

    @Override
    public void lockForMigration(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
            lock.setInt(1, LOCK_SPACE);
            lock.execute();
        }
    }

    @Override
    public List<String> tables(Connection connection) throws SQLException {
        return Dialect.column(connection,
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
    }

    @Override
    public String timestampType() {
        return "timestamptz";
    }

    @Override
    public List<String[]> describe(Connection connection) throws SQLException {
        List<String[]> facts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_setting('server_version'),"
                        + " current_database(), current_user, pg_database_size(current_database()),"
                        + " coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false),"
                        + " (SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid())")) {
            rs.next();
            facts.add(new String[] {"engine", "PostgreSQL " + rs.getString(1)});
            facts.add(new String[] {"user", rs.getString(3)});
            facts.add(new String[] {"size", SqliteDialect.bytes(rs.getLong(4)) + " (database " + rs.getString(2)
                    + ")"});
            facts.add(new String[] {"connection", rs.getBoolean(5) ? "encrypted (" + rs.getString(6) + ", sslmode "
                    + server.sslMode() + ")" : "not encrypted (sslmode " + server.sslMode() + ")"});
        }
        return facts;
    }

    @Override
    public synchronized void close() {
        for (Deque<Idle> idle : List.of(idleWriters, idleReaders)) {
            idle.forEach(kept -> closeQuietly(kept.connection()));
            idle.clear();
        }
    }
}
