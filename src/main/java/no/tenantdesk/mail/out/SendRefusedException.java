package no.tenantdesk.mail.out;

import no.tenantdesk.domain.TenantdeskException;

/** Will not go through by waiting: {@link SendOutcome#REFUSED} (this message) or {@link SendOutcome#SETUP} (any). */
public class SendRefusedException extends TenantdeskException {

    private final SendOutcome outcome;
    private final int replyCode;

    SendRefusedException(SendOutcome outcome, int replyCode, String message, Throwable cause) {
        super(message, cause);
        if (outcome != SendOutcome.REFUSED && outcome != SendOutcome.SETUP) {
            throw new IllegalArgumentException(outcome + " is worth a retry");
        }
        this.outcome = outcome;
        this.replyCode = replyCode;
    }

    public SendOutcome outcome() {
        return outcome;
    }

    /** The server's reply code (550, 554, 535, …); -1 when the server gave none (a certificate, TLS). */
    public int replyCode() {
        return replyCode;
    }
}
