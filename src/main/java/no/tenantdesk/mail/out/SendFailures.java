package no.tenantdesk.mail.out;

import static no.tenantdesk.mail.ServerFailures.oneLine;
import static no.tenantdesk.mail.ServerFailures.rootMessage;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.ServerFailures;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Where Angus' SMTP exceptions become {@link SendDeferredException} or {@link SendRefusedException}. What Angus
 * tells: a refused command as SMTPSendFailedException with the command and the reply code ("MAIL FROM:…", "DATA", "."
 * for the end of the message), refused recipients as a SendFailedException with one SMTPAddressFailedException each,
 * a failed login as AuthenticationFailedException, and everything else (a bad greeting, a lost connection) as a plain
 * MessagingException whose reply code, if any, only the transport remembers. Which step broke it does not say; the
 * {@link WireMessage} does: whether the whole message had been written when it broke.
 */
final class SendFailures {

    private static final String CLOSED = "the server closed the connection";

    private SendFailures() {}

    /**
     * @param handedOver whether the whole message had been written to the server
     * @param lastCode   the transport's last reply code: what a greeting or EHLO failure leaves; -1 or 0 for none
     * @param lastReply  the reply that goes with it
     */
    static TenantdeskException of(String server, MessagingException e, boolean handedOver, int lastCode,
            String lastReply) {
        SMTPSendFailedException command = find(e, SMTPSendFailedException.class);
        if (command != null && ".".equals(command.getCommand()) && command.getReturnCode() >= 400) {
            // The server's answer to the end of the message: a definite no, whatever happened before.
            return byCode(server, command.getReturnCode(), SendOutcome.REFUSED,
                    "the server did not accept the message: " + reply(command.getMessage()), e);
        }
        if (handedOver) {
            return new SendDeferredException(SendOutcome.UNKNOWN, -1, server + ": the connection failed after the"
                    + " whole message was sent and before the server confirmed it, so it may have been delivered ("
                    + what(e) + ")", e);
        }
        if (e instanceof AuthenticationFailedException) {
            return byCode(server, lastCode, SendOutcome.SETUP, "login failed"
                    + (e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + reply(e.getMessage()) + ")"),
                    e);
        }
        if (command != null && command.getReturnCode() >= 400) {
            String what = command.getCommand() != null && command.getCommand().startsWith("MAIL FROM")
                    ? "the sender " + command.getCommand().substring("MAIL FROM:".length()) + " was refused"
                    : "the server refused " + oneLine(command.getCommand());
            return byCode(server, command.getReturnCode(), SendOutcome.REFUSED,
                    what + ": " + reply(command.getMessage()), e);
        }
        List<SMTPAddressFailedException> recipients = all(e, SMTPAddressFailedException.class);
        if ((command != null && command.getReturnCode() < 0)
                || recipients.stream().anyMatch(refusal -> refusal.getReturnCode() < 0)) {
            // Angus reports a connection the server closed as the reply code -1, "[EOF]".
            return new SendDeferredException(SendOutcome.DEFERRED, -1, server + ": " + CLOSED, e);
        }
        if (!recipients.isEmpty()) {
            return recipients(server, recipients, e);
        }
        TenantdeskException connection = ServerFailures.connection(server, e, t -> false);
        if (connection instanceof TemporaryFailureException) {
            return new SendDeferredException(SendOutcome.DEFERRED, -1, connection.getMessage(), e);
        }
        if (connection != null) {
            return new SendRefusedException(SendOutcome.SETUP, -1, connection.getMessage(), e);
        }
        if (lastCode >= 400 && lastCode < 500) {
            return new SendDeferredException(SendOutcome.DEFERRED, lastCode, server
                    + ": the server takes no mail now: " + reply(lastReply), e);
        }
        if (lastCode >= 500 && lastCode < 600) {
            // A refused greeting or EHLO: no message of ours would go through.
            return new SendRefusedException(SendOutcome.SETUP, lastCode, server + ": the server refused the session: "
                    + reply(lastReply), e);
        }
        // Nothing says the server has the message, nor that it never will: try again later.
        return new SendDeferredException(SendOutcome.DEFERRED, -1, server + ": " + what(e), e);
    }

    private static TenantdeskException recipients(String server, List<SMTPAddressFailedException> refusals,
            MessagingException e) {
        List<String> refused = new ArrayList<>();
        boolean permanent = false;
        int code = -1;
        for (SMTPAddressFailedException refusal : refusals) {
            refused.add(refusal.getAddress().getAddress() + " (" + reply(refusal.getMessage()) + ")");
            // One recipient refused for good fails the whole message (we do not send to some only): no retry helps.
            if (refusal.getReturnCode() >= 500 || code < 0) {
                code = refusal.getReturnCode();
            }
            permanent |= refusal.getReturnCode() >= 500;
        }
        String message = server + ": " + (refused.size() == 1 ? "the recipient " : "the recipients ")
                + String.join(", ", refused) + (permanent ? " refused" : " not accepted for now");
        return permanent
                ? new SendRefusedException(SendOutcome.REFUSED, code, message, e)
                : new SendDeferredException(SendOutcome.DEFERRED, code, message, e);
    }

    /** 4xx: try later; 5xx: {@code permanent}. */
    private static TenantdeskException byCode(String server, int code, SendOutcome permanent, String what,
            MessagingException e) {
        if (code >= 400 && code < 500) {
            return new SendDeferredException(SendOutcome.DEFERRED, code, server + ": " + what, e);
        }
        return new SendRefusedException(permanent, code, server + ": " + what, e);
    }

    /** What broke a connection, in words; Angus' own are "[EOF]" and "Read timed out". */
    private static String what(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "no answer within the timeout";
            }
        }
        String root = oneLine(rootMessage(e));
        return root.equals("[EOF]") ? CLOSED : root;
    }

    /** Angus keeps the server's reply lines with their line ends; one line, without the trailing blanks. */
    private static String reply(String text) {
        return oneLine(text);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        List<T> found = all(e, type);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Angus chains through getNextException as well as getCause. */
    private static <T extends Throwable> List<T> all(Throwable e, Class<T> type) {
        List<T> found = new ArrayList<>();
        List<Throwable> seen = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || seen.stream().anyMatch(s -> s == t)) {
                continue;
            }
            seen.add(t);
            if (type.isInstance(t)) {
                found.add(type.cast(t));
            }
            if (t instanceof MessagingException m && m.getNextException() != t.getCause()) {
                todo.add(m.getNextException());
            }
            todo.add(t.getCause());
        }
        return found;
    }
}
