package no.tenantdesk.mail.in;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's MIME structure, found in one pass over its bytes ({@link MimeSplitter}) instead of one Jakarta Mail
 * parse per level, each of which read its whole subtree again. No deeper than {@link #MAX_DEPTH} multiparts, as
 * Postfix bounds {@code mime_nesting_limit}: a message nested deeper is no mail a person wrote, and it is quarantined
 * with that reason.
 */
final class MimeTree {

    static final int MAX_DEPTH = 100;

    private static final Pattern DISPOSITION = Pattern.compile("^\\s*([\\w-]+)");

    final Node root;
    private final long scanned;
    private final int parts;

    private MimeTree(Node root, long scanned, int parts) {
        this.root = root;
        this.scanned = scanned;
        this.parts = parts;
    }

    static MimeTree of(MimeMessage message) throws MessagingException, IOException {
        Node root = new Node(message);
        if (!root.type.isMultipart()) {
            return new MimeTree(root, 0, 0);
        }
        InputStream content = message.getRawInputStream();
        SharedInputStream shared = content instanceof SharedInputStream window ? window
                : new SharedByteArrayInputStream(content.readAllBytes());
        MimeSplitter splitter = new MimeSplitter(root, shared);
        long scanned = splitter.split();
        return new MimeTree(root, scanned, splitter.parts());
    }

    /** The bytes read to find the parts: each byte of the message's body once, however the parts nest. */
    long scanned() {
        return scanned;
    }

    /** The parts under the message, at every depth. */
    int parts() {
        return parts;
    }

    /** The kind of body a part would give, for choosing among alternatives. */
    enum Kind { PLAIN, HTML, NONE }

    /**
     * One part; a multipart has children, anything else (a multipart without parts too) is a leaf. The message
     * itself is read through Jakarta Mail; a part has its header block and a window on the message, no Jakarta
     * Mail part, each of which looks up Jakarta Mail's StreamProvider when it is made.
     */
    static final class Node {

        final List<Node> children = new ArrayList<>();
        final int depth;
        PartType type;
        private final MimeMessage message;
        private final InternetHeaders headers;
        private SharedInputStream content;
        private Kind kind;

        /** The message itself. */
        Node(MimeMessage message) throws MessagingException {
            this.message = message;
            this.headers = null;
            this.depth = 0;
            this.type = PartType.of(message.getHeader("Content-Type", null));
        }

        /** A part the splitter found; its content is set when it ends. */
        Node(InternetHeaders headers, int depth) {
            this.message = null;
            this.headers = headers;
            this.depth = depth;
            this.type = PartType.of(headers.getHeader("Content-Type", null));
        }

        /** The header's first value, as written (folded, encoded); null when there is none. */
        String header(String name) throws MessagingException {
            return message != null ? message.getHeader(name, null) : headers.getHeader(name, null);
        }

        void content(SharedInputStream window) {
            content = window;
        }

        /** The content as written in the message, still transfer-encoded: a window on the message file. */
        InputStream raw() throws MessagingException {
            if (message != null) {
                return message.getRawInputStream();
            }
            return content == null ? InputStream.nullInputStream() : content.newStream(0, -1);
        }

        boolean isLeaf() {
            return children.isEmpty();
        }

        /** A multipart's kind is its first part's that has one; worked out once, bounded by the depth limit. */
        Kind kind() throws MessagingException {
            if (kind == null) {
                kind = Kind.NONE;
                if (isLeaf()) {
                    if (isBodyText()) {
                        kind = type.base().equals("text/html") ? Kind.HTML : Kind.PLAIN;
                    }
                } else {
                    for (Node child : children) {
                        if (child.kind() != Kind.NONE) {
                            kind = child.kind();
                            break;
                        }
                    }
                }
            }
            return kind;
        }

        /** Text/plain or text/html that nobody named or marked as an attachment. */
        boolean isBodyText() throws MessagingException {
            if (!type.base().equals("text/plain") && !type.base().equals("text/html")) {
                return false;
            }
            return !"attachment".equals(disposition()) && filename() == null;
        }

        String disposition() throws MessagingException {
            String value = header("Content-Disposition");
            if (value == null) {
                return null;
            }
            Matcher word = DISPOSITION.matcher(value);
            return word.lookingAt() ? word.group(1).toLowerCase(Locale.ROOT) : null;
        }

        /** The file name from Content-Disposition, else from Content-Type's name; decoded, not yet made safe. */
        String filename() throws MessagingException {
            String name = null;
            String disposition = header("Content-Disposition");
            if (disposition != null) {
                name = PartType.parameter(HeaderText.eightBit(HeaderText.unfold(disposition)), "filename", true);
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
    }
}
