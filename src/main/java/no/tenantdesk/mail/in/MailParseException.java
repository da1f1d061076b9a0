package no.tenantdesk.mail.in;

import no.tenantdesk.domain.TenantdeskException;

/** A message that cannot be read as mail: no sender, a broken MIME structure. It is quarantined, not lost. */
public class MailParseException extends TenantdeskException {

    public MailParseException(String message) {
        super(message);
    }

    public MailParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
