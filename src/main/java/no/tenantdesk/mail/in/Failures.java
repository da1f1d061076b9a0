package no.tenantdesk.mail.in;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Where protocol failures become domain exceptions, with one line for stderr that names the source (never the
 * password). Whether a retry can help decides the type: cron tries again after a {@link TemporaryFailureException}.
 */
final class Failures {

    static final String TRUST_HINT =
            "; if the server uses a private certificate authority, add it to a trust store and set"
                    + " TENANTDESK_JAVA_OPTS=-Djavax.net.ssl.trustStore=/path/to/truststore";

    private Failures() {}

    /** A failure talking to an IMAP or POP3 server. */
    static TenantdeskException server(String source, Exception e) {
        if (e instanceof AuthenticationFailedException) {
            return new TenantdeskException(source + ": login failed", e);
        }
        if (untrustedCertificate(e)) {
            return new TenantdeskException(
                    source + ": the server's certificate is not trusted (" + oneLine(rootMessage(e)) + ")"
                            + TRUST_HINT, e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MessageRemovedException) {
                return new TenantdeskException(source + ": the message was removed by another client", e);
            }
            if (t instanceof UnknownHostException) {
                // Often a DNS hiccup or a network not up yet: worth another try from cron.
                return new TemporaryFailureException(source + ": unknown host " + t.getMessage(), e);
            }
            if (t instanceof SocketTimeoutException) {
                return new TemporaryFailureException(source + ": the server did not answer in time", e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new TemporaryFailureException(
                        source + ": cannot connect (" + oneLine(t.getMessage()) + ")", e);
            }
            if (t instanceof SSLHandshakeException) {
                return new TenantdeskException(source + ": TLS handshake failed (" + oneLine(t.getMessage()) + ")", e);
            }
            if (t instanceof MailConnectException
                    || t instanceof FolderClosedException
                    || t instanceof StoreClosedException
                    || t instanceof ConnectionException
                    || t instanceof SocketException
                    || (t instanceof IOException && !(t instanceof SSLException))) {
                return new TemporaryFailureException(
                        source + ": the connection failed (" + oneLine(rootMessage(e)) + ")", e);
            }
        }
        return new TenantdeskException(source + ": " + oneLine(rootMessage(e)), e);
    }

    /** A failure reading or renaming a local mailbox file. */
    static TenantdeskException local(String source, IOException e) {
        String what;
        if (e instanceof NoSuchFileException) {
            what = "no such file: " + e.getMessage();
        } else if (e instanceof AccessDeniedException) {
            what = "permission denied: " + e.getMessage();
        } else {
            what = oneLine(rootMessage(e));
        }
        return new TenantdeskException(source + ": " + what, e);
    }

    private static boolean untrustedCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException
                    || t instanceof CertPathBuilderException
                    || t instanceof CertPathValidatorException) {
                return true;
            }
            // Angus' own host name check (mail.*.ssl.checkserveridentity) says so only in its message.
            if (t instanceof SSLException && String.valueOf(t.getMessage()).contains("Server identity does not match")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message != null ? message : e.getClass().getSimpleName();
    }

    /** Server answers and exception texts may hold line breaks or control characters; stderr gets one line. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return line.toString().replaceAll(" {2,}", " ").strip();
    }
}
