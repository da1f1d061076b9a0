package no.tenantdesk.mail.in;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;

/**
 * A mailbox that fetch-mail reads: IMAP, POP3, Maildir, mbox or one message on stdin. It lists what is waiting
 * without downloading it, hands over one message at a time, and is told which ones are done only after the
 * service has committed them. It knows nothing of the database.
 *
 * <p>Failures: {@link no.tenantdesk.domain.TemporaryFailureException} when trying again later may work (a server
 * that does not answer, a dropped connection), {@link no.tenantdesk.domain.TenantdeskException} when it will not
 * (a wrong password, a certificate that is not trusted, a folder that does not exist).
 */
public interface MailSource extends Closeable {

    /** What the records call this source: the account's name, or the URI without a password. */
    String name();

    /**
     * The messages waiting, oldest first. A key names one message at this source and stays the same when it is
     * listed again (IMAP UIDVALIDITY and UID, POP3 UIDL, the Maildir file's unique name, the SHA-256 of an mbox
     * message or of stdin), so the service can tell a message it has already stored without downloading it.
     */
    List<Waiting> list();

    /**
     * The listed messages that will be fetched, in the order they will be asked for: a server source then downloads
     * several per round trip (IMAP: a range in one UID FETCH; POP3: RETR pipelined) instead of one each.
     */
    default void willFetch(List<Waiting> messages) {}

    /** Downloads one listed message to a file; the caller closes it once the message is committed. */
    RawMessage fetch(Waiting message);

    /**
     * Marks messages as done at the source, as configured: IMAP \Seen, move or delete; POP3 delete; Maildir
     * new → cur with the S flag. Read-only sources (mbox, stdin, POP3 that keeps mail) do nothing. (Not
     * "acknowledge": that word is the receipt a tenant gets for a new inquiry.)
     */
    void markDone(List<Waiting> messages);

    /** Ends the session; a POP3 server deletes what was marked done only now. */
    @Override
    void close();

    /** One message waiting at a source; size is the source's estimate, -1 when it does not know. */
    record Waiting(String key, long size) {}

    /**
     * A source that stays open between imports and learns of new mail on its own connection or folder, for fetch-mail
     * --watch (IMAP, Maildir). A source that is not watchable is opened anew each time the watch looks (POP3 sees only
     * the mail that was there when its session began; an mbox is read from its start anyway).
     */
    interface Watchable {

        /**
         * New mail is noticed from now on: what arrives while the next import runs is not missed by the wait after it.
         */
        void startWatching();

        /**
         * Whether the server or the file system tells of new mail as it comes (IMAP IDLE, the Maildir's folders); if
         * not, the watch waits its poll interval and lists the source again.
         */
        boolean tellsOfNewMail();

        /**
         * Returns once new mail may be waiting, after {@code max} at the latest, and at once when {@code stop} stops.
         *
         * @throws no.tenantdesk.domain.TemporaryFailureException when the connection is lost meanwhile
         */
        void awaitMail(Duration max, StopSignal stop);
    }
}
