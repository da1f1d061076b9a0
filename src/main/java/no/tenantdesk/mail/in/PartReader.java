package no.tenantdesk.mail.in;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.tenantdesk.domain.SafeNames;
import no.tenantdesk.mail.in.InboundMail.MailPart;
import no.tenantdesk.mail.in.InboundMail.OmittedPart;
import no.tenantdesk.mail.in.MimeTree.Kind;
import no.tenantdesk.mail.in.MimeTree.Node;

/**
 * Walks one message's MIME tree: collects the body text, writes attachments, inline images and forwarded messages
 * to the spool. One reader per message; what it wrote is deleted again when the message fails. The tree is found in
 * one pass ({@link MimeTree}) and each part is visited at most twice (an HTML alternative read for its files, then
 * for its text when the plain one is blank), so the work is linear in the message.
 */
final class PartReader {

    /** A text body larger than this is kept as a file instead: memory stays bounded, nothing is lost. */
    static final int MAX_TEXT_BYTES = 4 * 1024 * 1024;

    /**
     * Files (attachments, inline images, forwarded mail) kept of one message. Each is a file in the spool and a row
     * in the database: 5,000 tiny ones in half a megabyte took seconds to write. The rest stay in the raw message.
     */
    static final int MAX_FILES = 1_000;

    /** Of a forwarded message only the subject is read, to name its file: from no more of it than this. */
    private static final int FORWARDED_HEADERS = 256 * 1024;

    private final PartSpool spool;
    private final BodyText body = new BodyText();
    private final List<MailPart> parts = new ArrayList<>();
    private final List<OmittedPart> omitted = new ArrayList<>();
    private final Map<String, Integer> generatedNames = new HashMap<>();
    private MimeTree tree;
    private int visits;
    private int filesNotKept;
    private final byte[] chunk = new byte[8192];

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

    void read(MimeMessage message) throws MessagingException, IOException {
        tree = MimeTree.of(message);
        walk(tree.root, Want.ALL);
    }

    /** The body text, at most {@link BodyText#MAX_BYTES}, with a note where it was cut and of files not kept. */
    String text() {
        if (filesNotKept == 0) {
            return body.toString();
        }
        String note = "[" + filesNotKept + " more attachments not kept (" + MAX_FILES + " at most per e-mail): they are"
                + " in the original e-mail, which is stored whole]";
        return body.length() == 0 ? note : body + "\n\n" + note;
    }

    List<MailPart> parts() {
        return parts;
    }

    List<OmittedPart> omitted() {
        return omitted;
    }

    /** The parts walked, counted each time: the work a message costs, for tests that it stays linear. */
    int visits() {
        return visits;
    }

    /** The bytes read to find the parts. */
    long scanned() {
        return tree == null ? 0 : tree.scanned();
    }

    /** The parts found under the message. */
    int partsFound() {
        return tree == null ? 0 : tree.parts();
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

    /** Recursive, but over a tree no deeper than {@link MimeTree#MAX_DEPTH}. */
    private void walk(Node node, Want want) throws MessagingException, IOException {
        visits++;
        if (node.isLeaf()) {
            leaf(node, want);
        } else if (node.type.base().equals("multipart/alternative")) {
            alternative(node.children, want);
        } else {
            for (Node child : node.children) {
                walk(child, want);
            }
        }
    }

    /** Plain text wins; an empty plain alternative gives way to HTML. Files of every alternative are kept. */
    private void alternative(List<Node> children, Want want) throws MessagingException, IOException {
        int plain = -1;
        int html = -1;
        for (int i = 0; i < children.size(); i++) {
            Kind kind = children.get(i).kind();
            if (kind == Kind.PLAIN && plain < 0) {
                plain = i;
            } else if (kind == Kind.HTML && html < 0) {
                html = i;
            }
        }
        int chosen = plain >= 0 ? plain : html >= 0 ? html : children.size() - 1;
        int before = body.length();
        for (int i = 0; i < children.size(); i++) {
            Want wanted = i == chosen ? want : want.files() ? Want.FILES : null;
            if (wanted != null) {
                walk(children.get(i), wanted);
            }
        }
        if (want.text() && body.length() == before && chosen == plain && html >= 0) {
            walk(children.get(html), Want.TEXT);
        }
    }

    private void leaf(Node node, Want want) throws MessagingException, IOException {
        PartType type = node.type;
        if (node.isBodyText()) {
            if (want.text() && !bodyText(node) && want.files()) {
                file(node, null);
            }
            return;
        }
        if (!want.files() || (want == Want.FILES && type.base().startsWith("text/") && node.filename() == null
                && !"attachment".equals(node.disposition()))) {
            // Another alternative's text (an HTML or calendar version of the chosen text) is not a file.
            return;
        }
        if (type.base().equals("message/rfc822")) {
            forwarded(node);
        } else {
            file(node, node.filename());
        }
    }

    /** Adds the part's text; false when it is too large to be a body, and should be kept as a file. */
    private boolean bodyText(Node node) throws MessagingException, IOException {
        if (body.full()) {
            return true; // cut already: the raw message has the rest
        }
        byte[] bytes;
        int length;
        try (InputStream in = decoded(node)) {
            BoundedBuffer out = new BoundedBuffer(MAX_TEXT_BYTES);
            if (!out.copy(in, chunk)) {
                return false;
            }
            bytes = out.buffer();
            length = out.size();
        }
        PartType type = node.type;
        String text = Charsets.decode(bytes, length, type.parameter("charset"));
        if (type.base().equals("text/html")) {
            body.add(HtmlText.toText(text, body.room()));
        } else {
            String flowed = type.parameter("format");
            if (flowed != null && flowed.equalsIgnoreCase("flowed")) {
                text = Text.unflow(text, "yes".equalsIgnoreCase(type.parameter("delsp")));
            }
            body.add(Text.normalize(text));
        }
        return true;
    }

    private void forwarded(Node node) throws MessagingException, IOException {
        String subject;
        try (InputStream in = decoded(node)) {
            subject = HeaderText.readable(HeaderBlock.read(in, FORWARDED_HEADERS).getHeader("Subject", null));
        }
        // A subject is a sentence, not a path: "Re: Heis 3/4" must not lose "Re: Heis 3".
        String name = subject.replace('/', '-').replace('\\', '-');
        if (name.length() > 150) {
            name = name.substring(0, 150).strip();
        }
        String filename = name.isBlank() ? generatedName("message", "eml") : SafeNames.filename(name + ".eml");
        store(node, filename, "message/rfc822", false, null);
    }

    private void file(Node node, String rawName) throws MessagingException, IOException {
        String contentType = node.type.base();
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
        String contentId = contentId(node);
        String disposition = node.disposition();
        boolean inline = "inline".equals(disposition) || (disposition == null && contentId != null);
        store(node, filename, contentType, inline, contentId);
    }

    private void store(Node node, String filename, String contentType, boolean inline, String contentId)
            throws MessagingException, IOException {
        if (parts.size() + omitted.size() >= MAX_FILES) {
            filesNotKept++;
            return;
        }
        PartSpool.Written written;
        try (InputStream in = decoded(node)) {
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

    private static InputStream decoded(Node node) throws MessagingException {
        String encoding = node.header("Content-Transfer-Encoding");
        if (encoding != null) {
            encoding = HeaderText.withoutComments(HeaderText.unfold(encoding)).strip();
        }
        return TransferDecoding.decode(node.raw(), encoding);
    }

    private static String contentId(Node node) throws MessagingException {
        String value = node.header("Content-ID");
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
}
