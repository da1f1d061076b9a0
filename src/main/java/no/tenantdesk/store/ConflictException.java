package no.tenantdesk.store;

import no.tenantdesk.domain.TemporaryFailureException;

/**
 * A transaction met another writer's (a deadlock, a serialisation failure) in a part it runs in a savepoint: the
 * whole transaction runs again ({@link Database#write}), and a caller that catches a part's failures to go on
 * without it must let this one through, as it does every temporary failure.
 */
final class ConflictException extends TemporaryFailureException {

    ConflictException(Throwable cause) {
        super("a write conflicted with another one", cause);
    }
}
