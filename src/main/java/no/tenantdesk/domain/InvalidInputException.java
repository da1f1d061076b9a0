package no.tenantdesk.domain;

/** The user asked for something that cannot be: a bad value, an ambiguous name, a missing file. */
public class InvalidInputException extends TenantdeskException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
