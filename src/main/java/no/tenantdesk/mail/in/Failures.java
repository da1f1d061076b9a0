package no.tenantdesk.mail.in;

import static no.tenantdesk.mail.ServerFailures.oneLine;
import static no.tenantdesk.mail.ServerFailures.rootMessage;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import no.tenantdesk.domain.TemporaryFailureException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.ServerFailures;
import org.eclipse.angus.mail.iap.ConnectionException;

/**
 * Where protocol failures become domain exceptions, with one line for stderr that names the source (never the
 * password). Whether a retry can help decides the type: cron tries again after a {@link TemporaryFailureException}.
 */
final class Failures {

    private Failures() {}

    /** A failure talking to an IMAP or POP3 server. */
    static TenantdeskException server(String source, Exception e) {
        if (e instanceof AuthenticationFailedException) {
            return new TenantdeskException(source + ": login failed", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MessageRemovedException) {
                return new TenantdeskException(source + ": the message was removed by another client", e);
            }
        }
        TenantdeskException connection = ServerFailures.connection(source, e, t -> t instanceof FolderClosedException
                || t instanceof StoreClosedException
                || t instanceof ConnectionException);
        return connection != null ? connection : new TenantdeskException(source + ": " + oneLine(rootMessage(e)), e);
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
}
