package no.tenantdesk.mail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * What IMAP, POP3 and SMTP failures have in common: reaching the server and trusting it. Each becomes a domain
 * exception with one line for stderr that names the server (never the password); whether a retry can help decides the
 * type: cron tries again after a {@link TemporaryFailureException}.
 */
public final class ServerFailures {

    public static final String TRUST_HINT =
            "; if the server uses a private certificate authority, add it to a trust store and set"
                    + " TENANTDESK_JAVA_OPTS=-Djavax.net.ssl.trustStore=/path/to/truststore";

    private ServerFailures() {}

    /**
     * The failure to reach or keep talking to the server, or null when {@code e} is something else (a refusal, a
     * protocol error) that the caller knows better.
     *
     * @param lostConnection the protocol's own exceptions that mean the connection broke
     */
    public static TenantdeskException connection(String server, Exception e, Predicate<Throwable> lostConnection) {
        if (untrustedCertificate(e)) {
            return new TenantdeskException(
                    server + ": the server's certificate is not trusted (" + oneLine(rootMessage(e)) + ")"
                            + TRUST_HINT, e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                // Often a DNS hiccup or a network not up yet: worth another try from cron.
                return new TemporaryFailureException(server + ": unknown host " + t.getMessage(), e);
            }
            if (t instanceof SocketTimeoutException) {
                return new TemporaryFailureException(server + ": the server did not answer in time", e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new TemporaryFailureException(
                        server + ": cannot connect (" + oneLine(t.getMessage()) + ")", e);
            }
            if (t instanceof SSLHandshakeException) {
                return new TenantdeskException(server + ": TLS handshake failed (" + oneLine(t.getMessage()) + ")", e);
            }
            if (t instanceof MailConnectException
                    || lostConnection.test(t)
                    || t instanceof SocketException
                    || (t instanceof IOException && !(t instanceof SSLException))) {
                return new TemporaryFailureException(server + ": the connection failed (" + cause(e) + ")", e);
            }
        }
        return null;
    }

    public static boolean untrustedCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException
                    || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException) {
                return true;
            }
            // Angus' own host name check (mail.*.ssl.checkserveridentity) says so only in its message.
            if (t instanceof SSLException
                    && String.valueOf(t.getMessage()).contains("Server identity does not match")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a connection broke, in one line. Angus reports a connection the server cut as a BYE it makes up in its own
     * words ("* BYE Jakarta Mail Exception: java.io.IOException: Connection dropped by server?"): a user gets ours.
     */
    private static String cause(Exception e) {
        String said = rootMessage(e);
        return said.contains("Jakarta Mail Exception") ? "the server closed it" : oneLine(said);
    }

    /** The innermost message: usually the one that says what happened. */
    public static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message != null ? message : e.getClass().getSimpleName();
    }

    /** Server answers and exception texts may hold line breaks or control characters; stderr gets one line. */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return line.toString().replaceAll(" {2,}", " ").strip();
    }
}
