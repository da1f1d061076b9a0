package no.tenantdesk.mail.in;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import no.tenantdesk.mail.in.InboundMail.MailAddress;

/**
 * Turns the bytes of one message into an {@link InboundMail}, reading the file as a stream so that neither the
 * message nor its attachments have to fit in memory.
 */
public final class MessageParser {

    /** The default limit for one attachment; a larger one is recorded as omitted. */
    public static final long DEFAULT_MAX_ATTACHMENT_SIZE = 25L * 1024 * 1024;

    /** The headers the classifier and the service decide by, kept raw. */
    private static final List<String> KEPT_HEADERS = List.of("auto-submitted", "x-autoreply", "x-autorespond",
            "x-auto-response-suppress", "precedence", "return-path", "x-loop", "content-type", "list-id",
            "list-unsubscribe");

    /** Headers that any message has one of; a file without them is not mail. */
    private static final List<String> MAIL_HEADERS = List.of("From", "Sender", "Reply-To", "To", "Date", "Subject",
            "Message-ID", "Received", "MIME-Version", "Return-Path", "Delivered-To");

    /**
     * A message up to this size is read into memory once, here on a parsing thread: parsed from there, and stored
     * from there by the thread that files it, which for small mail is the import's bottleneck. Up to a batch ahead
     * and one in the filing, that is at most 16 MB held.
     */
    private static final int HELD = 16 * 1024;

    /**
     * A message up to this size is parsed from memory, read once for its hash and its parts: a part read from the
     * file gets a buffer of its own, 8 KB, which for a message of 50,000 tiny parts was 400 MB to allocate.
     * Only {@link #HELD} bytes go on with the parsed mail; the rest is garbage once the message is parsed.
     */
    private static final int READ_WHOLE = 1024 * 1024;

    /** Long enough to say what went wrong; Jakarta Mail quotes whole header values, which can be any length. */
    private static final int REASON_LENGTH = 200;

    private final long maxAttachmentSize;
    private final Path spool;
    private final Session session;

    /** @param spool the folder where attachment files are written; the caller removes it at the end of the run */
    public MessageParser(long maxAttachmentSize, Path spool) {
        this.maxAttachmentSize = maxAttachmentSize;
        this.spool = spool;
        Properties properties = new Properties();
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.address.strict", "false");
        // Headers are read as bytes (ISO-8859-1) on purpose: allowutf8 would turn an old client's raw Latin-1 into
        // U+FFFD for good, while HeaderText.eightBit reads raw bytes as UTF-8 when they are UTF-8, else as
        // windows-1252.
        properties.setProperty("mail.mime.allowutf8", "false");
        this.session = Session.getInstance(properties);
    }

    /**
     * @throws MailParseException when the message cannot be read as mail at all, whatever the reason, Errors such as
     *     a stack overflow included (it is then quarantined)
     */
    public InboundMail parse(RawMessage raw) {
        PartReader reader = new PartReader(new PartSpool(spool, maxAttachmentSize));
        try {
            return read(raw.file(), reader);
        } catch (MailParseException e) {
            reader.discard();
            throw e;
        } catch (MessagingException e) {
            reader.discard();
            throw new MailParseException("not a readable message: " + reason(e), e);
        } catch (IOException e) {
            reader.discard();
            throw new MailParseException("cannot read the message: " + reason(e), e);
        } catch (Throwable e) {
            // Whatever one message does to Jakarta Mail, jsoup or us (a stack overflow, memory run out) is that
            // message's fault: it is quarantined with the reason, and the batch goes on. Its tree and texts are
            // garbage by now, so the memory is there again for the next message.
            reader.discard();
            throw new MailParseException("cannot parse the message: " + reason(e), e);
        }
    }

    private InboundMail read(Path file, PartReader reader) throws MessagingException, IOException {
        PartSpool.Written whole;
        byte[] bytes = null;
        long size = Files.size(file);
        if (size <= READ_WHOLE) {
            bytes = Files.readAllBytes(file);
            whole = new PartSpool.Written(file, bytes.length, PartSpool.sha256(bytes));
        } else {
            whole = PartSpool.hash(file, size);
        }
        byte[] held = bytes != null && bytes.length <= HELD ? bytes : null;
        try (InputStream in = bytes != null ? new SharedByteArrayInputStream(bytes)
                : new SharedFileInputStream(file.toFile(), 8192)) {
            MimeMessage message = new MimeMessage(session, in);
            MailAddress from = sender(message);
            reader.read(message);
            return new InboundMail(
                    MessageIds.first(message.getHeader("Message-ID")),
                    MessageIds.all(message.getHeader("In-Reply-To")),
                    MessageIds.all(message.getHeader("References")),
                    from,
                    Addresses.parse(message.getHeader("To")),
                    Addresses.parse(message.getHeader("Cc")),
                    Addresses.parse(message.getHeader("Reply-To")),
                    HeaderText.readable(message.getHeader("Subject", null)),
                    sentAt(message),
                    reader.text(),
                    reader.parts(),
                    reader.omitted(),
                    kept(message),
                    file,
                    whole.size(),
                    whole.sha256(),
                    held);
        }
    }

    /**
     * From; when it has no usable address, Sender, then Reply-To, as a reply would go there, then the envelope's
     * Return-Path. The null path (From: Postmaster &lt;&gt;, Return-Path: &lt;&gt;) is the mail system, an address-less
     * sender that the bounce rules know: real bounces come so, and must not be quarantined as mail without a sender.
     */
    private static MailAddress sender(MimeMessage message) throws MessagingException {
        for (String header : List.of("From", "Sender", "Reply-To", "Return-Path")) {
            List<MailAddress> addresses = Addresses.parse(message.getHeader(header));
            if (!addresses.isEmpty()) {
                return addresses.get(0);
            }
        }
        for (String header : List.of("From", "Return-Path")) {
            Optional<String> mailSystem = Addresses.nullPath(message.getHeader(header));
            if (mailSystem.isPresent()) {
                return new MailAddress(mailSystem.get(), "");
            }
        }
        for (String header : MAIL_HEADERS) {
            if (message.getHeader(header) != null) {
                throw new MailParseException("no sender: no address in From, Sender, Reply-To or Return-Path");
            }
        }
        throw new MailParseException("not an e-mail message: none of the headers mail has");
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, List<String>> kept(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String[] values = message.getHeader(name);
            if (values != null) {
                headers.put(name, List.of(values).stream()
                        .map(value -> HeaderText.eightBit(HeaderText.unfold(value)).strip())
                        .toList());
            }
        }
        return headers;
    }

    /**
     * The exception's message on one line and not too long for a table; an Error's kind comes first, as its message
     * ("Java heap space", none at all) does not say what happened.
     */
    static String reason(Throwable e) {
        String message = e.getMessage() == null ? "" : HeaderText.oneLine(e.getMessage());
        if (message.isEmpty() || e instanceof Error) {
            message = e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        }
        return message.length() > REASON_LENGTH ? message.substring(0, REASON_LENGTH - 1).strip() + "…" : message;
    }
}
