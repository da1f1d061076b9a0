package no.tenantdesk.mail.in;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One e-mail, parsed completely before the database is touched. Texts are decoded (RFC 2047, the part's charset) and
 * free of control characters other than line feeds and tabs. Attachments wait in files; closing this deletes them.
 *
 * @param messageId  the Message-ID without angle brackets; null when the message has none
 * @param inReplyTo  Message-IDs from In-Reply-To, without angle brackets
 * @param references Message-IDs from References, oldest first, without angle brackets
 * @param from       the sender (From); never null
 * @param subject    the decoded subject, "" when there is none
 * @param sentAt     the Date header; null when missing or unreadable
 * @param text       the body as plain text: text/plain preferred, HTML turned into text otherwise
 * @param parts      attachments, inline images and forwarded messages, in the order of the message
 * @param omitted    parts over the size limit: named, not kept
 * @param headers    the headers that decide whether a message is automatic (lower-case names, raw values)
 * @param raw        the whole message as it came, and its size and SHA-256
 * @param rawBytes   the raw message's bytes when it is small enough to be held; else null, and it is read from the
 *                   file
 */
// rawBytes is never compared: one message's record is read once, by the thread that files it.
@SuppressWarnings("ArrayRecordComponent")
public record InboundMail(
        String messageId,
        List<String> inReplyTo,
        List<String> references,
        MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        List<MailAddress> replyTo,
        String subject,
        Instant sentAt,
        String text,
        List<MailPart> parts,
        List<OmittedPart> omitted,
        Map<String, List<String>> headers,
        Path raw,
        long rawSize,
        String rawSha256,
        byte[] rawBytes)
        implements Closeable {

    public InboundMail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        replyTo = List.copyOf(replyTo);
        parts = List.copyOf(parts);
        omitted = List.copyOf(omitted);
        headers = Map.copyOf(headers);
        if (from == null) {
            throw new IllegalArgumentException("an inbound mail has a sender");
        }
    }

    /** The values of one header (name in any case), empty when it is absent. */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
    }

    /** Deletes the attachment files; the raw message belongs to its source. */
    @Override
    public void close() {
        for (MailPart part : parts) {
            try {
                Files.deleteIfExists(part.file());
            } catch (IOException e) {
                // Left in the run's spool folder, which goes when the run ends.
            }
        }
    }

    /** An address with its decoded display name ("" when there is none); the address as written, trimmed. */
    public record MailAddress(String name, String email) {}

    /**
     * A part kept as a file: an attachment, an inline image (inline true, with its Content-ID) or a forwarded
     * message (message/rfc822, named after its subject with .eml).
     *
     * @param filename safe to write anywhere: no folders, no control characters, never empty
     */
    public record MailPart(
            String filename, String contentType, Path file, long size, String sha256, boolean inline,
            String contentId) {}

    /** A part over the size limit: it was read to count its size, not kept. */
    public record OmittedPart(String filename, String contentType, long size) {}
}
