package no.tenantdesk.mail.out;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Composed bytes on their way to the server, unchanged: the Message-ID in them stays even if something saves the
 * message. It also tells whether the transport wrote the whole message out: only after that can the server have
 * accepted it, so only then is a broken connection an unknown outcome rather than a plain failure.
 */
final class WireMessage extends MimeMessage {

    private volatile boolean handedOver;

    WireMessage(Session session, InputStream in) throws MessagingException {
        super(session, in);
    }

    @Override
    protected void updateMessageID() {
        // The bytes carry the Message-ID the outbox chose; a retry must send the same one.
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
        super.writeTo(out, ignoreList);
        handedOver = true;
    }

    /** True once the whole message has been written to the server (perhaps still buffered, not yet answered). */
    boolean handedOver() {
        return handedOver;
    }
}
