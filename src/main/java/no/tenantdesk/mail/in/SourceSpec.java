package no.tenantdesk.mail.in;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import no.tenantdesk.mail.BearerTokens;
import no.tenantdesk.mail.Tls;

/**
 * Where to fetch mail and what to do with it afterwards.
 *
 * @param name          what the records call this source: an account name, or the URI as given without a password
 * @param uri           imaps://user@host[:port]/FOLDER, imap://…, pop3s://user@host[:port], pop3://…,
 *                      maildir:/path, mbox:/path, or "-" for one message on stdin
 * @param password      for IMAP and POP3; null when the server needs none, or logs in by OAuth 2.0
 * @param tls           whether the password may go in clear text to an imap:// or pop3:// server without STARTTLS
 *                      (a token never does)
 * @param tokens        for IMAP and POP3 accounts that log in by OAuth 2.0 instead of a password; else null
 * @param afterImport   what marking a message done does; null means the source's default (IMAP seen, POP3 keep)
 * @param moveTo        the IMAP folder that {@link AfterImport#MOVE} moves to
 * @param timeout       for connecting and for each read from a server
 * @param stdin         the stream that "-" reads
 * @param spool         a folder for downloaded messages, removed by the caller at the end of the run
 * @param sslSockets    null for the JVM's trusted certificates; tests pass one that trusts their own server
 * @param warnings      one line each, for the user (messages a POP3 server may not have deleted)
 */
public record SourceSpec(
        String name,
        String uri,
        String password,
        Tls tls,
        AfterImport afterImport,
        String moveTo,
        Duration timeout,
        InputStream stdin,
        Path spool,
        SSLSocketFactory sslSockets,
        Consumer<String> warnings,
        BearerTokens tokens) {

    /** A source that logs in with a password, or not at all. */
    public SourceSpec(String name, String uri, String password, Tls tls, AfterImport afterImport, String moveTo,
            Duration timeout, InputStream stdin, Path spool, SSLSocketFactory sslSockets, Consumer<String> warnings) {
        this(name, uri, password, tls, afterImport, moveTo, timeout, stdin, spool, sslSockets, warnings, null);
    }

    public SourceSpec {
        tls = tls == null ? Tls.REQUIRED : tls;
    }

    /** What marking a stored message done does at the source. */
    public enum AfterImport {
        /** IMAP: flag \Seen (the default); only unseen messages are listed. */
        SEEN,
        /** IMAP: move to {@code moveTo}; every message in the folder is listed. */
        MOVE,
        /** IMAP: delete and expunge; POP3: delete. Every message is listed. */
        DELETE,
        /** POP3 (the default), mbox, stdin: leave it; the service remembers the keys it has stored. */
        KEEP
    }
}
