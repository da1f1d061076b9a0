package no.tenantdesk.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.session.SqlSession;

/** The open transaction of one use case: the mappers it may use until it ends. */
public final class Tx {

    private final SqlSession session;
    private final Database database;
    private WriteBehind behind;

    Tx(SqlSession session, Database database) {
        this.session = session;
        this.database = database;
    }

    /**
     * The mapper, which writes the rows held back ({@link #writeBehind}) before each of its statements, except those
     * that {@link IgnoresHeldRows}.
     */
    public <M> M mapper(Class<M> type) {
        database.load(type);
        M mapper = session.getMapper(type);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!method.isAnnotationPresent(IgnoresHeldRows.class)) {
                writeOut();
            }
            try {
                return method.invoke(mapper, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    /**
     * From now until the transaction ends, rows that {@link WriteBehind} takes may be held back and written together.
     * fetch-mail's batch asks for it; a message filed in a savepoint of its own does not.
     */
    public void writeBehind() {
        writeBehind(Runnable::run);
    }

    /** As {@link #writeBehind()}, with threads that may make the held rows' search words meanwhile. */
    public void writeBehind(Executor helpers) {
        if (behind == null) {
            behind = new WriteBehind(this, database.roundTrips(), helpers);
        }
    }

    /** Where rows may be held back, or null when they are written at once. */
    public WriteBehind behind() {
        return behind;
    }

    /** Writes the rows held back; before every statement, and before the transaction ends. */
    void writeOut() {
        if (behind != null && !behind.isEmpty()) {
            behind.write();
        }
    }

    /** The mapper itself, which writes no held rows first. */
    <M> M direct(Class<M> type) {
        database.load(type);
        return session.getMapper(type);
    }

    /**
     * Runs part of the transaction so that its failure undoes only its own writes: fetch-mail commits a batch of
     * messages together, and one that fails is quarantined while the others are kept.
     */
    public <T> T savepoint(Supplier<T> work) {
        writeOut(); // what came before is not this part's to undo
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
