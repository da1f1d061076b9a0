package no.tenantdesk.mail.in;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A message body's lines for {@link MimeSplitter}, one at a time, read in blocks: where each starts and ends, and the
 * first bytes of a line that starts with "--" (a boundary is compared with nothing more). A line ends at LF, CR LF or
 * a lone CR, as Jakarta Mail's LineInputStream reads them.
 */
final class MimeLines {

    /** The longest "--boundary" line looked for: the longest line RFC 5322 allows. Boundaries have 70 at most. */
    static final int LONGEST = 998;

    private final InputStream in;
    private final byte[] block = new byte[8192];
    private int at;
    private int filled;
    private long blockStart;
    private final byte[] head = new byte[LONGEST + 2];
    private int headLength;
    private boolean tailBlank;
    /** This line: its first byte, its length without the line end, and where the next one starts. */
    long start;
    int length;
    long next;
    private long terminator = -1;
    private long previousTerminator = -1;

    MimeLines(InputStream in) {
        this.in = in;
    }

    long position() {
        return blockStart + at;
    }

    boolean next() throws IOException {
        start = position();
        length = 0;
        headLength = 0;
        tailBlank = true;
        previousTerminator = terminator;
        int b;
        while ((b = read()) >= 0 && b != '\n' && b != '\r') {
            length++;
            if (headLength < head.length && (headLength < 2 || (head[0] == '-' && head[1] == '-'))) {
                head[headLength++] = (byte) b;
            } else if (b != ' ' && b != '\t') {
                tailBlank = false;
            }
        }
        if (b < 0 && length == 0) {
            return false;
        }
        terminator = b < 0 ? -1 : position() - 1;
        if (b == '\r' && peek() == '\n') {
            read();
        }
        next = position();
        return true;
    }

    /** Where the content before this line ends: at the previous line's end, which belongs to the boundary. */
    long contentEnd() {
        return previousTerminator < 0 ? start : previousTerminator;
    }

    boolean dashes() {
        return headLength >= 2 && head[0] == '-' && head[1] == '-';
    }

    boolean startsWith(byte[] prefix) {
        if (headLength < prefix.length) {
            return false;
        }
        for (int i = prefix.length - 1; i >= 2; i--) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    int at(int index) {
        return index < headLength ? head[index] : -1;
    }

    boolean blankFrom(int index) {
        for (int i = index; i < headLength; i++) {
            if (head[i] != ' ' && head[i] != '\t') {
                return false;
            }
        }
        return tailBlank;
    }

    /** Without a boundary parameter: "--" and more, not only dashes (a line drawn under a text). */
    boolean canBeBoundary() {
        int end = trimmedLength();
        if (end <= 2 || !tailBlank || !dashes()) {
            return false;
        }
        if (end <= 4) {
            return true;
        }
        for (int i = 0; i < end; i++) {
            if (head[i] != '-') {
                return true;
            }
        }
        return false;
    }

    byte[] trimmedHead() {
        return Arrays.copyOf(head, trimmedLength());
    }

    private int trimmedLength() {
        int end = headLength;
        while (end > 0 && (head[end - 1] == ' ' || head[end - 1] == '\t')) {
            end--;
        }
        return end;
    }

    private int read() throws IOException {
        if (at == filled && !fill()) {
            return -1;
        }
        return block[at++] & 0xff;
    }

    private int peek() throws IOException {
        if (at == filled && !fill()) {
            return -1;
        }
        return block[at] & 0xff;
    }

    private boolean fill() throws IOException {
        blockStart += filled;
        at = 0;
        filled = Math.max(0, in.read(block));
        return filled > 0;
    }
}
