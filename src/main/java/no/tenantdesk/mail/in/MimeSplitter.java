package no.tenantdesk.mail.in;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.SharedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.tenantdesk.mail.in.MimeTree.Node;

/**
 * Finds every part of a multipart message in one pass over its body, with the boundaries of all open multiparts on
 * a stack: a line that starts with "--" is compared with each, outermost first (as Jakarta Mail, splitting the outer
 * multipart before the inner, lets an outer boundary end an inner part that never closed). Each byte is read once,
 * and each delimiter line is compared with at most {@link MimeTree#MAX_DEPTH} boundaries, so the work is linear.
 *
 * <p>It reads what Jakarta Mail reads ({@code MimeMultipart.parse} with its lenient defaults): the first line that
 * is "--boundary" opens the first part and a preamble before it is ignored; "--boundary--" closes the multipart,
 * the rest is its epilogue; blanks after a boundary are transport padding; a part's headers run to the first empty
 * line; a multipart that never closes ends where its parent's part or the message ends; without a boundary
 * parameter the first line of dashes and more is the boundary; a multipart with no part is read as text.
 */
final class MimeSplitter {

    /**
     * A mail with more parts is no mail a person wrote; each part costs its headers in memory (50,000 empty parts
     * fit in 350 KB), so the count is bounded as the depth is.
     */
    static final int MAX_PARTS = 10_000;

    private final SharedInputStream content;
    private final MimeLines lines;
    private final List<Frame> frames = new ArrayList<>();
    /** The part whose header lines are being read, in the innermost frame; null in a part's content. */
    private Frame readingHeaders;
    private long headersStart;
    private int parts;

    MimeSplitter(Node root, SharedInputStream content) {
        this.content = content;
        this.lines = new MimeLines(content.newStream(0, -1));
        frames.add(new Frame(root, root.type.parameter("boundary")));
    }

    /** Splits the whole tree; returns the bytes read, which is the body's length. */
    long split() throws IOException, MessagingException {
        while (lines.next()) {
            if (readingHeaders != null) {
                if (lines.length == 0) {
                    partStarts(lines.next);
                    continue;
                }
                // A part's header block ends at an empty line, or at a boundary of a multipart around its own.
                if (lines.dashes()) {
                    delimiter(frames.size() - 1, lines.start);
                }
            } else if (lines.dashes()) {
                delimiter(frames.size(), -1);
            }
        }
        long end = lines.position();
        if (readingHeaders != null) {
            partStarts(end);
        }
        while (!frames.isEmpty()) {
            frames.remove(frames.size() - 1).close(end);
        }
        return end;
    }

    int parts() {
        return parts;
    }

    /**
     * Whether the current line is a boundary of one of the first {@code count} frames; if so, the frames inside it
     * end, and its part ends (and the next one starts) or it closes.
     *
     * @param headersEnd where the headers being read end, when the line ends them; -1 when none are being read
     */
    private boolean delimiter(int count, long headersEnd) throws IOException, MessagingException {
        for (int i = 0; i < count; i++) {
            Frame frame = frames.get(i);
            Match match = frame.match(lines);
            if (match == Match.NONE) {
                continue;
            }
            if (headersEnd >= 0) {
                partStarts(headersEnd);
            }
            long end = lines.contentEnd();
            while (frames.size() > i + 1) {
                frames.remove(frames.size() - 1).close(end);
            }
            frame.endPart(end);
            if (match == Match.CLOSE) {
                frames.remove(i).close(end);
            } else {
                readingHeaders = frame;
                headersStart = lines.next;
            }
            return true;
        }
        return false;
    }

    /** The headers being read end here: the part is made, and when it is a multipart, its boundary is looked for. */
    private void partStarts(long bodyStart) throws IOException, MessagingException {
        Frame frame = readingHeaders;
        readingHeaders = null;
        if (++parts > MAX_PARTS) {
            throw new MailParseException("more than " + MAX_PARTS + " MIME parts");
        }
        InternetHeaders headers;
        try (InputStream in = content.newStream(headersStart, bodyStart)) {
            headers = HeaderBlock.read(in, Integer.MAX_VALUE);
        }
        Node node = new Node(headers, frame.node.depth + 1);
        frame.node.children.add(node);
        frame.part = node;
        frame.bodyStart = bodyStart;
        if (node.type.isMultipart()) {
            if (node.depth >= MimeTree.MAX_DEPTH) {
                throw new MailParseException("MIME parts nested deeper than " + MimeTree.MAX_DEPTH + " levels");
            }
            frames.add(new Frame(node, node.type.parameter("boundary")));
        }
    }

    private enum Match { NONE, DELIMITER, CLOSE }

    /** An open multipart: its "--boundary", and its part being read. */
    private final class Frame {

        final Node node;
        /** "--boundary" in bytes; null until found when the header gave none, and for good when it is too long. */
        byte[] delimiter;
        final boolean named;
        Node part;
        long bodyStart;

        Frame(Node node, String boundary) {
            this.node = node;
            this.named = boundary != null;
            if (named && boundary.length() + 2 <= MimeLines.LONGEST) {
                delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            }
        }

        Match match(MimeLines line) {
            if (delimiter == null) {
                if (!named && node.children.isEmpty() && part == null && line.canBeBoundary()) {
                    delimiter = line.trimmedHead();
                    return Match.DELIMITER;
                }
                return Match.NONE;
            }
            if (!line.startsWith(delimiter)) {
                return Match.NONE;
            }
            int at = delimiter.length;
            boolean dashes = line.at(at) == '-' && line.at(at + 1) == '-';
            if (part == null && node.children.isEmpty()) {
                // Before the first part, only the line itself counts, blanks after it allowed.
                if (line.blankFrom(at)) {
                    return Match.DELIMITER;
                }
                return dashes && line.blankFrom(at + 2) ? Match.CLOSE : Match.NONE;
            }
            if (dashes) {
                return Match.CLOSE;
            }
            return line.blankFrom(at) ? Match.DELIMITER : Match.NONE;
        }

        /** The part being read ends here (its line end before the boundary belongs to the boundary). */
        void endPart(long end) {
            if (part != null) {
                part.content((SharedInputStream) content.newStream(bodyStart, Math.max(bodyStart, end)));
                part = null;
            }
        }

        /** The multipart ends: without a single part, it is read as text. */
        void close(long end) {
            endPart(end);
            if (node.children.isEmpty()) {
                node.type = node.type.asPlainText();
            }
        }
    }
}
