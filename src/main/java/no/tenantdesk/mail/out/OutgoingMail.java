package no.tenantdesk.mail.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import no.tenantdesk.domain.InvalidInputException;

/**
 * One e-mail to send, as the outbox hands it over. Header values are checked here, once, so that nothing a tenant or
 * an operator typed can add a header line (a CR or LF in a subject or name would).
 *
 * @param messageId   without angle brackets; chosen by the caller and never changed, so that a retry sends the same
 *                    message and threading keeps working even if the recipient gets it twice
 * @param from        the sender
 * @param to          at least one recipient
 * @param subject     one line, any characters (encoded per RFC 2047 when not ASCII)
 * @param text        the body, plain text; any line ends
 * @param inReplyTo   the Message-ID answered, without angle brackets; null when none
 * @param references  the thread's Message-IDs, oldest first, without angle brackets
 * @param automatic   whether a person wrote it: an acknowledgement answers a mail automatically, a digest is
 *                    made by a timer; both are marked so that auto-responders (and our own fetch-mail) leave them alone
 * @param attachments sent in this order, read from their files while sending
 */
public record OutgoingMail(
        String messageId,
        Address from,
        List<Address> to,
        String subject,
        String text,
        String inReplyTo,
        List<String> references,
        Automatic automatic,
        List<Attachment> attachments) {

    public OutgoingMail {
        checkId("Message-ID", messageId);
        if (messageId.indexOf('@') <= 0 || messageId.indexOf('@') == messageId.length() - 1) {
            // RFC 5322 msg-id: id-left "@" id-right. Ours are made by the caller, so they can be right.
            throw new InvalidInputException("Message-ID '" + messageId + "' has no @ between two parts");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(automatic, "automatic");
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new InvalidInputException("an e-mail needs at least one recipient");
        }
        subject = subject == null ? "" : subject;
        checkOneLine("subject", subject);
        text = text == null ? "" : text;
        if (inReplyTo != null) {
            checkId("In-Reply-To", inReplyTo);
        }
        references = List.copyOf(references);
        references.forEach(id -> checkId("References", id));
        attachments = List.copyOf(attachments);
    }

    /** Who made a message, in RFC 3834's words. */
    public enum Automatic {
        /** A person's: a reply, a task sent to a contractor (whose answer must come back). */
        NO,
        /** Sent because a mail came: the receipt. */
        REPLIED,
        /** Sent by a timer, answering nothing: the morning digest. */
        GENERATED
    }

    /** The SMTP envelope: who the server reports failures to, and who it delivers to. */
    public Envelope envelope() {
        return new Envelope(from.email(), to.stream().map(Address::email).toList());
    }

    /**
     * A mailbox: an ASCII address (internationalized addresses need SMTPUTF8, which we do not ask for) and a display
     * name in any characters.
     *
     * @param name "" or null when there is none
     */
    public record Address(String name, String email) {

        public Address {
            name = name == null ? "" : name.strip();
            checkOneLine("name", name);
            checkEmail(email);
        }

        public static Address of(String email) {
            return new Address("", email);
        }
    }

    /**
     * A file to attach; it is read when the message is written, in pieces, never whole.
     *
     * @param filename    what the recipient sees (any characters; encoded per RFC 2231 and 2047)
     * @param contentType a MIME type such as application/pdf; null for application/octet-stream
     */
    public record Attachment(String filename, String contentType, Path file) {

        public Attachment {
            if (filename == null || filename.isBlank()) {
                throw new InvalidInputException("an attachment needs a file name");
            }
            checkOneLine("attachment name", filename);
            contentType = contentType == null || contentType.isBlank() ? "application/octet-stream"
                    : contentType.strip();
            checkOneLine("content type", contentType);
            Objects.requireNonNull(file, "file");
        }
    }

    static void checkEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("an e-mail address is missing");
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == ',' || c == ';') {
                throw new InvalidInputException("'" + printable(email) + "' is not an e-mail address we can send to"
                        + (c >= 0x80 ? " (non-ASCII addresses are not supported)" : ""));
            }
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || (email.indexOf('.', at) < 0 && !email.substring(at + 1)
                .equalsIgnoreCase("localhost"))) {
            throw new InvalidInputException("'" + email + "' is not an e-mail address (expected name@domain)");
        }
    }

    /** No CR or LF (a new header line), nor other control characters that have no business in a header. */
    private static void checkOneLine(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidInputException("the " + what + " '" + printable(value)
                        + "' contains a line break or control character");
            }
        }
    }

    private static void checkId(String header, String id) {
        if (id == null || id.isEmpty()) {
            throw new InvalidInputException(header + ": an empty Message-ID");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            // Visible ASCII only: anything else would end the header, split the id or need encoding ids never get.
            if (c <= ' ' || c >= 0x7f || c == '<' || c == '>') {
                throw new InvalidInputException(header + ": '" + printable(id)
                        + "' is not a Message-ID (write it without <>, spaces or line breaks)");
            }
        }
    }

    private static String printable(String value) {
        StringBuilder s = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }
}
