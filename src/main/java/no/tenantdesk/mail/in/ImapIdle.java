package no.tenantdesk.mail.in;

import jakarta.mail.MessagingException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.iap.ResponseHandler;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/**
 * IMAP IDLE (RFC 2177) on an open folder, for fetch-mail --watch: waits until the server says new mail has come
 * (EXISTS with a larger count), the time is up, or the watch stops.
 *
 * <p>New mail is noticed from every response the folder gets, not only during IDLE: a message that arrives while a
 * batch is filed is announced in the answer to a FETCH or STORE, and the server does not say it again when IDLE
 * begins. So this listens to all of the folder's responses from {@link #start()} on; {@link #listing()} forgets what
 * the coming listing will show anyway. Angus' own {@code IMAPFolder.idle} returns on any untagged response (a
 * server's "still here" every few minutes included) and cannot be ended by time; this loop is its own.
 *
 * <p>The read timeout stays as it is for every other command: a timeout while idling only means the server had
 * nothing to say, and the wait goes on (as Angus' idle does). Ending the IDLE (DONE) may come from the stopping
 * thread, or from a timer when the time is up, while this one reads (a server with nothing to say would otherwise
 * keep it waiting until the next read timeout); all go through {@link #done()}, which sends it once.
 */
final class ImapIdle implements ResponseHandler {

    private final IMAPFolder folder;
    /** New mail announced since the last listing began. Touched only by the thread that reads responses. */
    private boolean arrived;
    /** What the server last said the folder holds, less what it expunged since. */
    private int count;
    private boolean refused;
    private final Object sending = new Object();
    private IMAPProtocol idling;
    private boolean doneSent;
    /** How many IDLEs were begun: a timer of an earlier one that fires late must not end a later one. */
    private long idles;

    ImapIdle(IMAPFolder folder) {
        this.folder = folder;
    }

    /** Whether the server has IDLE and has not refused it. */
    boolean available() throws MessagingException {
        return !refused && ((IMAPStore) folder.getStore()).hasCapability("IDLE");
    }

    /** From now on, new mail is noticed from every response, until the folder closes. */
    void start() throws MessagingException {
        count = folder.getMessageCount();
        folder.doCommand(protocol -> {
            protocol.addResponseHandler(this);
            return null;
        });
    }

    /** A listing begins: what has arrived so far, it shows. */
    void listing() {
        arrived = false;
    }

    @Override
    public void handleResponse(Response response) {
        if (!(response instanceof IMAPResponse untagged) || !response.isUnTagged()) {
            return;
        }
        if (untagged.keyEquals("EXISTS")) {
            arrived |= untagged.getNumber() > count;
            count = untagged.getNumber();
        } else if (untagged.keyEquals("EXPUNGE")) {
            count--;
        }
    }

    /**
     * Idles until new mail is announced, {@code max} has passed, or {@code stop} stops. Returns at once when new mail
     * came since the last listing or the last wait, which then counts as told. A server that refuses IDLE is not
     * asked again ({@link #available()}).
     */
    void await(Duration max, StopSignal stop) throws MessagingException {
        if (arrived || stop.stopped()) {
            arrived = false; // told once: what came is the next import's
            return;
        }
        long deadline = System.nanoTime() + max.toNanos();
        folder.doCommand(protocol -> {
            try {
                protocol.idleStart();
            } catch (ConnectionException e) {
                throw e;
            } catch (ProtocolException e) {
                refused = true; // NO or BAD to IDLE: the watch polls this folder instead
                return null;
            }
            long idle;
            synchronized (sending) {
                idling = protocol;
                doneSent = false;
                idle = ++idles;
            }
            CompletableFuture.delayedExecutor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    .execute(() -> timeUp(idle));
            StopSignal.Registration ending = stop.onStop(this::done);
            try {
                idle(protocol, deadline);
                arrived = false;
            } finally {
                ending.close();
                synchronized (sending) {
                    idling = null;
                }
            }
            return null;
        });
    }

    private void idle(IMAPProtocol protocol, long deadline) throws ProtocolException {
        if (arrived) {
            done(); // announced in IDLE's own first answers
        }
        while (true) {
            Response response = protocol.readIdleResponse();
            if (response == null) {
                return;
            }
            if (!timedOut(response) && !protocol.processIdleResponse(response)) {
                return; // IDLE's tagged answer, after DONE
            }
            if (arrived || System.nanoTime() - deadline >= 0) {
                done();
            }
        }
    }

    /** Angus turns a read timeout into a made-up BYE; nothing was lost, the server only had nothing to say. */
    private static boolean timedOut(Response response) {
        return response.isBYE() && response.isSynthetic()
                && response.getException() instanceof InterruptedIOException interrupted
                && interrupted.bytesTransferred == 0
                && response.getException() instanceof SocketTimeoutException;
    }

    private void timeUp(long idle) {
        synchronized (sending) {
            if (idle == idles) {
                done();
            }
        }
    }

    /** Ends the IDLE under way, once, from whichever thread asks first. */
    private void done() {
        synchronized (sending) {
            if (idling != null && !doneSent) {
                doneSent = true;
                idling.idleAbort();
            }
        }
    }
}
