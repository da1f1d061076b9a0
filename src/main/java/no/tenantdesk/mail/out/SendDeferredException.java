package no.tenantdesk.mail.out;

import no.tenantdesk.domain.TemporaryFailureException;

/** Not known to be sent, and worth sending again later: {@link SendOutcome#DEFERRED} or {@link SendOutcome#UNKNOWN}. */
public class SendDeferredException extends TemporaryFailureException {

    private final SendOutcome outcome;
    private final int replyCode;

    SendDeferredException(SendOutcome outcome, int replyCode, String message, Throwable cause) {
        super(message, cause);
        if (outcome != SendOutcome.DEFERRED && outcome != SendOutcome.UNKNOWN) {
            throw new IllegalArgumentException(outcome + " is not worth a retry");
        }
        this.outcome = outcome;
        this.replyCode = replyCode;
    }

    public SendOutcome outcome() {
        return outcome;
    }

    /** True when the message may have arrived already: a retry may deliver it twice. */
    public boolean mayHaveBeenDelivered() {
        return outcome == SendOutcome.UNKNOWN;
    }

    /** The server's reply code (421, 451, …); -1 when the server gave none. */
    public int replyCode() {
        return replyCode;
    }
}
