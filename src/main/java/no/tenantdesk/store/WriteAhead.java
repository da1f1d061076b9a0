package no.tenantdesk.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Held rows being written on a thread of their own while the filing thread goes on with the next messages
 * ({@link WriteBehind#mail}): the server's work (their search words read and indexed, the raw mail compressed) and
 * the program's filing overlap instead of taking turns. At most one write at a time; nothing else uses the
 * transaction's connection until it has ended ({@link #settle}), so the session is never used by two threads at once.
 */
final class WriteAhead {

    private FutureTask<Void> writing;

    /** Starts writing on a thread of its own, once the one before has ended. */
    void start(Runnable write) {
        settle();
        FutureTask<Void> task = new FutureTask<>(write, null);
        Thread thread = new Thread(task, "tenantdesk-write-ahead");
        thread.setDaemon(true);
        thread.start();
        writing = task;
    }

    /** Waits for the write begun, if any; its failure is the caller's now, as if it had written the rows itself. */
    void settle() {
        FutureTask<Void> task = writing;
        if (task == null) {
            return;
        }
        writing = null;
        try {
            ended(task);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for the write begun, if any, and forgets how it ended: the transaction is being rolled back. */
    void abandon() {
        FutureTask<Void> task = writing;
        writing = null;
        if (task != null) {
            try {
                ended(task);
            } catch (ExecutionException e) {
                // the rollback undoes it
            }
        }
    }

    /**
     * Waits even when interrupted: until the write has ended the connection is not the caller's to use or roll back.
     * The interrupt is kept, and the transaction then ends without committing ({@link Database#inTransaction}).
     */
    private static void ended(FutureTask<Void> task) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
