package no.tenantdesk.mail.out;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.stream.Collectors;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.Classifier;
import no.tenantdesk.mail.out.OutgoingMail.Address;
import no.tenantdesk.mail.out.OutgoingMail.Attachment;
import org.apache.commons.mail2.core.EmailException;
import org.apache.commons.mail2.jakarta.Email;
import org.apache.commons.mail2.jakarta.MultiPartEmail;
import org.apache.commons.mail2.jakarta.SimpleEmail;

/**
 * Turns an {@link OutgoingMail} into the bytes of an RFC 5322 message (CRLF line ends, headers encoded, body
 * quoted-printable or base64), ready for SMTP. The outbox keeps these bytes, so a retry sends exactly the same
 * message. Charsets are always given as UTF-8: left to Jakarta Mail, they follow the platform's locale, and under
 * cron that is often ASCII, which would turn æøå into question marks.
 */
public final class MailComposer {

    private static final String UTF_8 = "UTF-8";

    private final Clock clock;
    private final Session session;

    public MailComposer() {
        this(Clock.systemUTC());
    }

    /** @param clock gives the Date header */
    public MailComposer(Clock clock) {
        this.clock = clock;
        // A session of its own that never connects: Commons Email would otherwise want a host name.
        this.session = Session.getInstance(new Properties());
    }

    /** The message's bytes; attachments are read in pieces, but the result is one array. */
    public byte[] compose(OutgoingMail mail) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writeTo(mail, bytes);
        } catch (IOException e) {
            throw new TenantdeskException("cannot compose the message " + mail.messageId() + ": "
                    + oneLine(e.getMessage()), e);
        }
        return bytes.toByteArray();
    }

    /** Writes the message; attachments are copied from their files as they are written. */
    public void writeTo(OutgoingMail mail, OutputStream out) throws IOException {
        try {
            message(mail).writeTo(out);
        } catch (MessagingException e) {
            throw new TenantdeskException("cannot compose the message " + mail.messageId() + ": "
                    + oneLine(e.getMessage()), e);
        }
    }

    MimeMessage message(OutgoingMail mail) {
        for (Attachment attachment : mail.attachments()) {
            if (!Files.isRegularFile(attachment.file()) || !Files.isReadable(attachment.file())) {
                throw new TenantdeskException("attachment " + attachment.filename() + ": cannot read "
                        + attachment.file());
            }
        }
        try {
            Email email = body(mail);
            email.setMailSession(session);
            email.setCharset(UTF_8);
            email.setFrom(mail.from().email(), personal(mail.from()), UTF_8);
            for (Address to : mail.to()) {
                email.addTo(to.email(), personal(to), UTF_8);
            }
            email.setSubject(mail.subject());
            email.setSentDate(Date.from(clock.instant()));
            email.buildMimeMessage();

            MimeMessage message = email.getMimeMessage();
            threadAndMark(message, mail);
            return message;
        } catch (EmailException | MessagingException e) {
            throw new TenantdeskException("cannot compose the message " + mail.messageId() + ": "
                    + oneLine(e.getMessage()), e);
        }
    }

    /** The text alone, or the text and the attachments in a multipart/mixed. */
    private Email body(OutgoingMail mail) throws EmailException, MessagingException {
        String text = crlf(mail.text());
        if (mail.attachments().isEmpty()) {
            Email email = new TextEmail(mail.messageId());
            if (!text.isEmpty()) {
                email.setMsg(text);
            }
            return email;
        }
        MixedEmail mixed = new MixedEmail(mail.messageId());
        if (!text.isEmpty()) {
            mixed.setMsg(text);
        }
        for (Attachment attachment : mail.attachments()) {
            mixed.attach(part(attachment));
        }
        return mixed;
    }

    /** The headers Commons Email does not write: the thread it answers, our loop mark, and what answers it may get. */
    private static void threadAndMark(MimeMessage message, OutgoingMail mail) throws MessagingException {
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
        }
        if (!mail.references().isEmpty()) {
            String references = mail.references().stream().map(id -> "<" + id + ">")
                    .collect(Collectors.joining(" "));
            // A long thread would pass the 998-character line limit; folding between ids is allowed.
            message.setHeader("References", MimeUtility.fold("References: ".length(), references));
        }
        message.setHeader(Classifier.LOOP_HEADER, Classifier.LOOP_VALUE);
        if (mail.automatic() != OutgoingMail.Automatic.NO) {
            // RFC 3834, and its Microsoft cousin: no vacation notice or auto-reply should answer a notice.
            message.setHeader("Auto-Submitted", mail.automatic() == OutgoingMail.Automatic.REPLIED
                    ? "auto-replied" : "auto-generated");
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        if (mail.automatic() == OutgoingMail.Automatic.GENERATED) {
            // For the older responders that know only this (Sendmail's vacation, procmail recipes).
            message.setHeader("Precedence", "bulk");
        }
    }

    /**
     * The attachment's part, with its headers written here rather than by Commons Email's attach(), which encodes the
     * file name in the platform's charset and per RFC 2047, which is not meant for parameters. The name is written
     * per RFC 2231 in Content-Disposition and, for clients that look there, in Content-Type. (RFC 2047 in Content-Type
     * as well, as some clients write, would be split into RFC 2231 continuations by Jakarta when long: worse.)
     */
    private static MimeBodyPart part(Attachment attachment) throws MessagingException {
        ContentType type;
        try {
            type = new ContentType(attachment.contentType());
        } catch (ParseException e) {
            throw new InvalidInputException("attachment " + attachment.filename() + ": '" + attachment.contentType()
                    + "' is not a content type");
        }
        if (type.match("multipart/*") || type.match("message/*")) {
            // These must not be base64 (RFC 2046) and Jakarta would parse and rewrite them; as opaque bytes they
            // arrive unchanged, and the file name (.eml) still tells the client what they are.
            type = new ContentType("application/octet-stream");
        }
        ParameterList typeParameters = type.getParameterList() == null ? new ParameterList() : type.getParameterList();
        typeParameters.set("name", attachment.filename(), UTF_8);
        type.setParameterList(typeParameters);
        ParameterList parameters = new ParameterList();
        parameters.set("filename", attachment.filename(), UTF_8);
        ContentDisposition disposition = new ContentDisposition(MimeBodyPart.ATTACHMENT, parameters);

        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new FileSource(attachment, type.toString())));
        part.setHeader("Content-Type", type.toString());
        part.setHeader("Content-Disposition", disposition.toString());
        // Chosen here so that Jakarta does not read the whole file once more just to choose an encoding.
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    private static String personal(Address address) {
        return address.name().isEmpty() ? null : address.name();
    }

    /** Text parts are written with CRLF, as RFC 5322 wants; the operator's editor wrote LF. */
    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** Commons Email's plain message, made on our message class so that the Message-ID stays ours. */
    private static final class TextEmail extends SimpleEmail {
        private final String messageId;

        TextEmail(String messageId) {
            this.messageId = messageId;
        }

        @Override
        protected MimeMessage createMimeMessage(Session session) {
            return new SameIdMessage(session, messageId);
        }
    }

    /** multipart/mixed: the text, then the attachments. */
    private static final class MixedEmail extends MultiPartEmail {
        private final String messageId;

        MixedEmail(String messageId) {
            this.messageId = messageId;
        }

        @Override
        protected MimeMessage createMimeMessage(Session session) {
            return new SameIdMessage(session, messageId);
        }

        void attach(MimeBodyPart part) throws MessagingException {
            getContainer().addBodyPart(part);
            setBoolHasAttachments(true);
        }
    }

    /** The attachment's file, opened each time it is read. */
    private static final class FileSource implements DataSource {
        private final Attachment attachment;
        private final String contentType;

        FileSource(Attachment attachment, String contentType) {
            this.attachment = attachment;
            this.contentType = contentType;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return Files.newInputStream(attachment.file());
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("an attachment is only read");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return attachment.filename();
        }
    }
}
