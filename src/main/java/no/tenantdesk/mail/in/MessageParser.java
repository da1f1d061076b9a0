package no.tenantdesk.mail.in;

import java.nio.file.Path;

/**
 * Turns the bytes of one message into an {@link InboundMail}, reading the file as a stream so that neither the
 * message nor its attachments have to fit in memory.
 */
public final class MessageParser {

    /** The default limit for one attachment; a larger one is recorded as omitted. */
    public static final long DEFAULT_MAX_ATTACHMENT_SIZE = 25L * 1024 * 1024;

    private final long maxAttachmentSize;
    private final Path spool;

    /** @param spool the folder where attachment files are written; the caller removes it at the end of the run */
    public MessageParser(long maxAttachmentSize, Path spool) {
        this.maxAttachmentSize = maxAttachmentSize;
        this.spool = spool;
    }

    /** @throws MailParseException when the message cannot be read as mail at all (it is then quarantined) */
    public InboundMail parse(RawMessage raw) {
        throw new UnsupportedOperationException("helper A writes this");
    }
}
