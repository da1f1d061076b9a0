package no.tenantdesk.domain;

/** Worth trying again later unchanged: a busy database, a server that does not answer. */
public class TemporaryFailureException extends TenantdeskException {

    public TemporaryFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
