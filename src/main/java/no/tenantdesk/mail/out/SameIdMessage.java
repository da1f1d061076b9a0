package no.tenantdesk.mail.out;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;

/**
 * A message whose Message-ID is ours: Jakarta Mail replaces it with a new one whenever the message is saved (before
 * writing it out, and again in some senders), which would break threading and make a retry a different message.
 */
final class SameIdMessage extends MimeMessage {

    private final String messageId;

    /** A new message that will carry {@code <messageId>}. */
    SameIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** A composed message read back from its bytes: the Message-ID it has stays. */
    SameIdMessage(Session session, InputStream in) throws MessagingException {
        super(session, in);
        this.messageId = null;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (messageId != null) {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
