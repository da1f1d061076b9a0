package no.tenantdesk.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * The search words ({@link SearchWords#binary}) of a held inquiry's title and description, made on a helper thread
 * while the thread that files goes on with the batch's next messages. Made on the filing thread when the batch is
 * written, they were a third of its CPU on PostgreSQL (JFR, 10,000 small messages), and that thread is the import's
 * pace: while it works the server waits, and while the server works it waits.
 */
final class HeldWords {

    private final FutureTask<byte[][]> task;

    /** Starts making them on {@code helpers}; where that refuses, they are made when asked for. */
    HeldWords(String title, String description, Executor helpers) {
        task = new FutureTask<>(() -> new byte[][] {words(title), words(description)});
        try {
            helpers.execute(task);
        } catch (RejectedExecutionException e) {
            // made by the first call of title() or description()
        }
    }

    byte[] title() {
        return made()[0];
    }

    byte[] description() {
        return made()[1];
    }

    /** What the helper made; if it has not begun, the caller makes them now rather than wait behind its queue. */
    private byte[][] made() {
        task.run(); // does nothing once begun elsewhere
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a message's search words were made", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static byte[] words(String text) {
        return text == null ? null : SearchWords.binary(text);
    }
}
