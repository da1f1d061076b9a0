package no.tenantdesk.mail.in;

import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;

/**
 * A part's header block, read as {@code InternetHeaders.load} reads it (lines up to the first empty one, a folded
 * header's lines joined by CRLF, each byte one ISO-8859-1 character), without what load costs each time: it asks
 * Jakarta Mail for its StreamProvider, a scan of the class path unless the launcher names the provider, which for a
 * mail of 10,000 parts took seconds.
 */
final class HeaderBlock extends InternetHeaders {

    private HeaderBlock() {
        // Without the empty entries for well-known names that the no-argument constructor adds for writing mail.
        headers = new ArrayList<>();
    }

    /** @param limit bytes read at most; a header block longer than that ends there */
    static InternetHeaders read(InputStream in, int limit) throws IOException {
        HeaderBlock block = new HeaderBlock();
        Lines lines = new Lines(in, limit);
        String previous = null;
        StringBuilder folded = new StringBuilder();
        boolean first = true;
        String line;
        do {
            line = lines.next();
            if (line != null && (line.startsWith(" ") || line.startsWith("\t"))) {
                if (previous != null) {
                    folded.append(previous);
                    previous = null;
                }
                if (first) {
                    folded.append(line.trim());
                } else {
                    if (folded.length() > 0) {
                        folded.append("\r\n");
                    }
                    folded.append(line);
                }
            } else {
                if (previous != null) {
                    block.addHeaderLine(previous);
                } else if (folded.length() > 0) {
                    block.addHeaderLine(folded.toString());
                    folded.setLength(0);
                }
                previous = line;
            }
            first = false;
        } while (line != null && !line.isEmpty());
        return block;
    }

    /** Lines ending in LF, CR LF or a lone CR, as LineInputStream reads them. */
    private static final class Lines {

        private final InputStream in;
        private final byte[] buffer = new byte[4096];
        private int at;
        private int filled;
        private long left;
        private int pushedBack = -1;

        Lines(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        String next() throws IOException {
            StringBuilder line = new StringBuilder();
            int b = read();
            if (b < 0) {
                return null;
            }
            while (b >= 0 && b != '\n' && b != '\r') {
                line.append((char) b);
                b = read();
            }
            if (b == '\r') {
                int after = read();
                if (after != '\n' && after >= 0) {
                    pushedBack = after;
                }
            }
            return line.toString();
        }

        private int read() throws IOException {
            if (pushedBack >= 0) {
                int b = pushedBack;
                pushedBack = -1;
                return b;
            }
            if (at == filled) {
                if (left <= 0) {
                    return -1;
                }
                filled = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                at = 0;
                if (filled <= 0) {
                    filled = 0;
                    return -1;
                }
                left -= filled;
            }
            return buffer[at++] & 0xff;
        }
    }
}
