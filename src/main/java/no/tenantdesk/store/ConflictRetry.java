package no.tenantdesk.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import no.tenantdesk.domain.TemporaryFailureException;

/**
 * A transaction run again, from its start, while it fails on a conflict with another writer (a serialisation
 * failure, a deadlock): what it read before may have changed, so all of it runs again, never just the statement that
 * failed. Used by {@link Database} and {@link Writer}.
 */
final class ConflictRetry {

    /**
     * How often a write that failed on a conflict with another one is run again before its caller hears of it. Each
     * conflict means another writer got through, so this is a bound, not a wait.
     */
    static final int ATTEMPTS = 10;

    private final DatabaseAddress address;

    ConflictRetry(DatabaseAddress address) {
        this.address = address;
    }

    <T> T run(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RetryableException e) {
                if (attempt >= ATTEMPTS) {
                    throw new TemporaryFailureException("database " + address.describe()
                            + " is busy: a write conflicted with others " + attempt + " times; try again", e);
                }
                // A little longer each time, and not in step with the writer it met.
                pause(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
            }
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException("interrupted while the database was busy", e);
        }
    }

    /** A failure that running the transaction again may get past; never seen outside the store. */
    static final class RetryableException extends RuntimeException {

        RetryableException(Throwable cause) {
            super(cause);
        }
    }
}
