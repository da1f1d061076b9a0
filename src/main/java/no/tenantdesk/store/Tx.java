package no.tenantdesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;

/** The open transaction of one use case: the mappers it may use until it ends. */
public final class Tx {

    private final SqlSession session;
    private final Database database;

    Tx(SqlSession session, Database database) {
        this.session = session;
        this.database = database;
    }

    public <M> M mapper(Class<M> type) {
        database.load(type);
        return session.getMapper(type);
    }

    /**
     * Runs part of the transaction so that its failure undoes only its own writes: fetch-mail commits a batch of
     * messages together, and one that fails is quarantined while the others are kept.
     */
    public <T> T savepoint(Supplier<T> work) {
        Connection connection = session.getConnection();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        try {
            T result = work.get();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException | Error | SQLException e) {
            // Errors too: a stack overflow or memory run out while one message was filed undoes that message only.
            try {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            if (e instanceof Error error) {
                throw error;
            }
            if (database.retryable(e)) {
                // Not this part's fault but a conflict with another writer (a deadlock, say): the caller must not
                // take it for a bad part and go on, but let the whole transaction run again.
                throw new ConflictException(e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new PersistenceException(e);
        }
    }
}
