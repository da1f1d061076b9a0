package no.tenantdesk.domain;

/** A failure with a message fit for one line on stderr; the command line maps the subtype to an exit code. */
public class TenantdeskException extends RuntimeException {

    public TenantdeskException(String message) {
        super(message);
    }

    public TenantdeskException(String message, Throwable cause) {
        super(message, cause);
    }
}
