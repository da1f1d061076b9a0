package no.tenantdesk.mail.in;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.tenantdesk.domain.SafeNames;
import no.tenantdesk.mail.in.InboundMail.MailPart;
import no.tenantdesk.mail.in.InboundMail.OmittedPart;

/**
 * Walks one message's MIME tree: collects the body text, writes attachments, inline images and forwarded messages
 * to the spool. One reader per message; what it wrote is deleted again when the message fails.
 */
final class PartReader {

    /** A text body larger than this is kept as a file instead: memory stays bounded, nothing is lost. */
    static final int MAX_TEXT_BYTES = 4 * 1024 * 1024;

    private static final Pattern MEDIA_TYPE = Pattern.compile("^\\s*([\\w.+-]+/[\\w.+-]+)");
    private static final Pattern DISPOSITION = Pattern.compile("^\\s*([\\w-]+)");
    private static final Pattern COMMENT = Pattern.compile("\\(.*?\\)");

    private final PartSpool spool;
    private final List<String> texts = new ArrayList<>();
    private final List<MailPart> parts = new ArrayList<>();
    private final List<OmittedPart> omitted = new ArrayList<>();
    private final Map<String, Integer> generatedNames = new HashMap<>();

    PartReader(PartSpool spool) {
        this.spool = spool;
    }

    /** What a walk takes from a part: everything, only its files (an alternative not chosen), or only its text. */
    private enum Want {
        ALL, FILES, TEXT;

        boolean text() {
            return this != FILES;
        }

        boolean files() {
            return this != TEXT;
        }
    }

    /** The kind of body a part would give, for choosing among alternatives. */
    private enum Kind { PLAIN, HTML, NONE }

    void read(MimePart message) throws MessagingException, IOException {
        walk(message, Want.ALL);
    }

    String text() {
        return String.join("\n\n", texts);
    }

    List<MailPart> parts() {
        return parts;
    }

    List<OmittedPart> omitted() {
        return omitted;
    }

    /** Deletes what was written, when the message as a whole could not be read. */
    void discard() {
        for (MailPart part : parts) {
            try {
                Files.deleteIfExists(part.file());
            } catch (IOException e) {
                // the spool folder goes at the end of the run
            }
        }
    }

    private void walk(MimePart part, Want want) throws MessagingException, IOException {
        Type type = Type.of(part);
        if (type.base.startsWith("multipart/")) {
            MimeMultipart multipart = multipart(part, type);
            if (multipart != null) {
                if (type.base.equals("multipart/alternative")) {
                    alternative(multipart, want);
                } else {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        walk((MimePart) multipart.getBodyPart(i), want);
                    }
                }
                return;
            }
            // Not readable as a multipart (no boundary at all): the best guess is that it is text.
            type = new Type("text/plain", type.raw);
        }
        leaf(part, type, want);
    }

    /** The parts, read straight from the message file: no copy in memory; null when there are none. */
    private MimeMultipart multipart(MimePart part, Type type) {
        try {
            MimeMultipart multipart = new MimeMultipart(new RawSource(part, type.raw));
            return multipart.getCount() > 0 ? multipart : null;
        } catch (MessagingException e) {
            return null;
        }
    }

    /** Plain text wins; an empty plain alternative gives way to HTML. Files of every alternative are kept. */
    private void alternative(MimeMultipart multipart, Want want) throws MessagingException, IOException {
        int count = multipart.getCount();
        List<MimePart> children = new ArrayList<>();
        int plain = -1;
        int html = -1;
        for (int i = 0; i < count; i++) {
            MimePart child = (MimePart) multipart.getBodyPart(i);
            children.add(child);
            Kind kind = kind(child);
            if (kind == Kind.PLAIN && plain < 0) {
                plain = i;
            } else if (kind == Kind.HTML && html < 0) {
                html = i;
            }
        }
        int chosen = plain >= 0 ? plain : html >= 0 ? html : count - 1;
        int textsBefore = texts.size();
        for (int i = 0; i < count; i++) {
            walk(children.get(i), i == chosen ? want : want.files() ? Want.FILES : null);
        }
        boolean blank = texts.subList(textsBefore, texts.size()).stream().allMatch(String::isBlank);
        if (want.text() && blank && chosen == plain && html >= 0) {
            texts.subList(textsBefore, texts.size()).clear();
            walk(children.get(html), Want.TEXT);
        }
    }

    private Kind kind(MimePart part) throws MessagingException {
        Type type = Type.of(part);
        if (type.base.startsWith("multipart/")) {
            MimeMultipart multipart = multipart(part, type);
            if (multipart == null) {
                return Kind.NONE;
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                Kind kind = kind((MimePart) multipart.getBodyPart(i));
                if (kind != Kind.NONE) {
                    return kind;
                }
            }
            return Kind.NONE;
        }
        if (!isBodyText(part, type)) {
            return Kind.NONE;
        }
        return type.base.equals("text/html") ? Kind.HTML : Kind.PLAIN;
    }

    /** Text/plain or text/html that nobody named or marked as an attachment. */
    private static boolean isBodyText(MimePart part, Type type) throws MessagingException {
        if (!type.base.equals("text/plain") && !type.base.equals("text/html")) {
            return false;
        }
        String disposition = disposition(part);
        return !"attachment".equals(disposition) && filename(part, type) == null;
    }

    private void leaf(MimePart part, Type type, Want want) throws MessagingException, IOException {
        if (want == null) {
            return;
        }
        if (isBodyText(part, type)) {
            if (want.text() && !bodyText(part, type) && want.files()) {
                file(part, type, null);
            }
            return;
        }
        if (!want.files() || (want == Want.FILES && type.base.startsWith("text/") && filename(part, type) == null
                && !"attachment".equals(disposition(part)))) {
            // Another alternative's text (an HTML or calendar version of the chosen text) is not a file.
            return;
        }
        if (type.base.equals("message/rfc822")) {
            forwarded(part);
        } else {
            file(part, type, filename(part, type));
        }
    }

    /** Adds the part's text; false when it is too large to be a body, and should be kept as a file. */
    private boolean bodyText(MimePart part, Type type) throws MessagingException, IOException {
        byte[] bytes;
        int length;
        try (InputStream in = decoded(part)) {
            Bounded out = new Bounded(MAX_TEXT_BYTES);
            if (!out.copy(in)) {
                return false;
            }
            bytes = out.buffer();
            length = out.size();
        }
        String text = Charsets.decode(bytes, length, type.parameter("charset"));
        if (type.base.equals("text/html")) {
            texts.add(HtmlText.toText(text));
        } else {
            String flowed = type.parameter("format");
            if (flowed != null && flowed.equalsIgnoreCase("flowed")) {
                text = Text.unflow(text, "yes".equalsIgnoreCase(type.parameter("delsp")));
            }
            texts.add(Text.normalize(text));
        }
        return true;
    }

    private void forwarded(MimePart part) throws MessagingException, IOException {
        String subject;
        try (InputStream in = decoded(part)) {
            subject = HeaderText.readable(new InternetHeaders(in).getHeader("Subject", null));
        }
        // A subject is a sentence, not a path: "Re: Heis 3/4" must not lose "Re: Heis 3".
        String name = subject.replace('/', '-').replace('\\', '-');
        if (name.length() > 150) {
            name = name.substring(0, 150).strip();
        }
        String filename = name.isBlank() ? generatedName("message", "eml") : SafeNames.filename(name + ".eml");
        store(part, filename, "message/rfc822", false, null);
    }

    private void file(MimePart part, Type type, String rawName) throws MessagingException, IOException {
        String contentType = type.base;
        String filename;
        if (rawName == null || rawName.isBlank()) {
            filename = generatedName(contentType.startsWith("image/") ? "image" : "attachment",
                    Extensions.of(contentType));
        } else {
            filename = SafeNames.filename(rawName);
            if (contentType.equals("application/octet-stream")) {
                contentType = Extensions.guess(filename, contentType);
            }
        }
        String contentId = contentId(part);
        String disposition = disposition(part);
        boolean inline = "inline".equals(disposition) || (disposition == null && contentId != null);
        store(part, filename, contentType, inline, contentId);
    }

    private void store(MimePart part, String filename, String contentType, boolean inline, String contentId)
            throws MessagingException, IOException {
        PartSpool.Written written;
        try (InputStream in = decoded(part)) {
            written = spool.write(in);
        }
        if (written.file() == null) {
            omitted.add(new OmittedPart(filename, contentType, written.size()));
        } else {
            parts.add(new MailPart(filename, contentType, written.file(), written.size(), written.sha256(), inline,
                    contentId));
        }
    }

    /** "image.jpg", then "image-2.png": a name from the type, numbered when the type's word repeats. */
    private String generatedName(String word, String extension) {
        int n = generatedNames.merge(word, 1, Integer::sum);
        String suffix = extension == null ? "" : "." + extension;
        return (n == 1 ? word : word + "-" + n) + suffix;
    }

    private static InputStream decoded(MimePart part) throws MessagingException {
        String encoding = part.getHeader("Content-Transfer-Encoding", null);
        if (encoding != null) {
            encoding = COMMENT.matcher(encoding).replaceAll("").strip();
        }
        return TransferDecoding.decode(raw(part), encoding);
    }

    /** The content as written in the message, still transfer-encoded: a window on the message file. */
    private static InputStream raw(MimePart part) throws MessagingException {
        if (part instanceof MimeBodyPart body) {
            return body.getRawInputStream();
        }
        if (part instanceof MimeMessage message) {
            return message.getRawInputStream();
        }
        throw new MessagingException("a part of an unknown kind: " + part.getClass().getName());
    }

    private static String disposition(MimePart part) throws MessagingException {
        String value = part.getHeader("Content-Disposition", null);
        if (value == null) {
            return null;
        }
        Matcher word = DISPOSITION.matcher(value);
        return word.find() ? word.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** The file name from Content-Disposition, else from Content-Type's name; decoded, not yet made safe. */
    private static String filename(MimePart part, Type type) throws MessagingException {
        String name = null;
        String disposition = part.getHeader("Content-Disposition", null);
        if (disposition != null) {
            name = parameter(HeaderText.eightBit(HeaderText.unfold(disposition)), "filename", true);
        }
        if (name == null || name.isBlank()) {
            name = type.parameter("name");
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        // Outlook encodes names the RFC 2047 way, which RFC 2231 parameters do not allow; read them anyway.
        return HeaderText.decodeWords(name);
    }

    private static String contentId(MimePart part) throws MessagingException {
        String value = part.getHeader("Content-ID", null);
        if (value == null) {
            return null;
        }
        String id = HeaderText.oneLine(HeaderText.unfold(value));
        if (id.startsWith("<")) {
            id = id.substring(1);
        }
        if (id.endsWith(">")) {
            id = id.substring(0, id.length() - 1);
        }
        id = id.strip();
        return id.isEmpty() ? null : id;
    }

    /**
     * A parameter of a structured header: through Jakarta Mail (RFC 2231 continuations and charsets), and when it
     * finds the header malformed, by a plain search for name=value.
     */
    static String parameter(String headerValue, String name, boolean disposition) {
        try {
            String value = disposition
                    ? new ContentDisposition(headerValue).getParameter(name)
                    : new ContentType(headerValue).getParameter(name);
            if (value != null) {
                return value;
            }
        } catch (ParseException | RuntimeException e) {
            // fall through to the plain search
        }
        Matcher match = Pattern.compile("(?i)(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*(\"([^\"]*)\"|[^;]*)")
                .matcher(headerValue);
        if (!match.find()) {
            return null;
        }
        return match.group(2) != null ? match.group(2) : match.group(1).strip();
    }

    /** A part's media type, lower case, with its parameters; text/plain when it has none (RFC 2045). */
    record Type(String base, String raw) {

        static Type of(MimePart part) throws MessagingException {
            String raw = part.getHeader("Content-Type", null);
            if (raw == null) {
                return new Type("text/plain", "text/plain");
            }
            String value = HeaderText.eightBit(HeaderText.unfold(raw));
            Matcher media = MEDIA_TYPE.matcher(value);
            String base = media.find() ? media.group(1).toLowerCase(Locale.ROOT) : "text/plain";
            return new Type(base, value);
        }

        String parameter(String name) {
            int semicolon = raw.indexOf(';');
            if (semicolon < 0) {
                return null;
            }
            return PartReader.parameter(raw, name, false);
        }
    }

    /** The part's raw content with its own type, so that Jakarta Mail splits a multipart without decoding it. */
    private record RawSource(MimePart part, String contentType) implements DataSource {

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return raw(part);
            } catch (MessagingException e) {
                throw new IOException(e.getMessage(), e);
            }
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return "";
        }
    }

    /** Collects bytes up to a limit and says whether everything fitted. */
    private static final class Bounded extends ByteArrayOutputStream {

        private final int limit;

        Bounded(int limit) {
            super(8192);
            this.limit = limit;
        }

        boolean copy(InputStream in) throws IOException {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                if (count + n > limit) {
                    return false;
                }
                write(chunk, 0, n);
            }
            return true;
        }

        byte[] buffer() {
            return buf;
        }
    }
}
