package no.tenantdesk.mail.in;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Tells the threads of fetch-mail --watch to stop (SIGTERM, SIGINT): a wait for new mail ends at once, and a batch
 * under way is finished, committed and marked done before its thread stops. A blocking wait that a flag cannot reach
 * (IMAP IDLE reading from its socket) registers how to end it from another thread ({@link #onStop}).
 */
public final class StopSignal {

    private final Set<Runnable> interrupters = new LinkedHashSet<>();
    private boolean stopped;

    /** Stops; what each registered wait needs to end runs now, on this thread. */
    public void stop() {
        Runnable[] now;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            notifyAll();
            now = interrupters.toArray(Runnable[]::new);
        }
        for (Runnable interrupter : now) {
            interrupter.run();
        }
    }

    public synchronized boolean stopped() {
        return stopped;
    }

    /** Waits until {@code time} has passed or the signal stops, whichever comes first. */
    public synchronized void sleep(Duration time) {
        long deadline = System.nanoTime() + time.toNanos();
        try {
            for (long left = time.toNanos(); !stopped && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs {@code interrupter} when the signal stops, until the returned registration is closed; at once when it has
     * stopped already.
     */
    public Registration onStop(Runnable interrupter) {
        boolean now;
        synchronized (this) {
            now = stopped;
            if (!now) {
                interrupters.add(interrupter);
            }
        }
        if (now) {
            interrupter.run();
        }
        return () -> {
            synchronized (this) {
                interrupters.remove(interrupter);
            }
        };
    }

    /** Ends a registration; closing never fails. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
