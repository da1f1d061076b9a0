package no.tenantdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.apache.ibatis.exceptions.PersistenceException;

/**
 * One write connection for a run of many transactions ({@link Database#writer()}); close it when the run ends.
 */
public final class Writer implements AutoCloseable {

    private final Database database;
    private final Dialect dialect;
    private final Connection connection;
    private boolean broken;

    Writer(Database database, Dialect dialect, Connection connection) {
        this.database = database;
        this.dialect = dialect;
        this.connection = connection;
    }

    /** As {@link Database#write}, on this connection. */
    public <T> T write(Function<Tx, T> work) {
        return database.retrying(() -> run(work, true));
    }

    /** As {@link Database#trial}, on this connection. */
    public <T> T trial(Function<Tx, T> work) {
        return database.retrying(() -> run(work, false));
    }

    private <T> T run(Function<Tx, T> work, boolean commit) {
        try {
            return database.inTransaction(connection, work, commit);
        } catch (ConflictRetry.RetryableException e) {
            throw e;
        } catch (SQLException | PersistenceException e) {
            broken = true;
            throw dialect.translate(e);
        }
    }

    @Override
    public void close() {
        dialect.release(connection, broken);
    }
}
