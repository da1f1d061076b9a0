package no.tenantdesk.mail.in;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/** Quoted-printable where an "=" that starts no escape is just an "=" (as careless senders mean it). */
// It decodes byte by byte whatever reads it: InputStream's own read of many bytes is the loop an override would be.
@SuppressWarnings("InputStreamSlowMultibyteRead")
final class QuotedPrintableDecoder extends InputStream {

    private static final int LOOKAHEAD = 256;

    private final PushbackInputStream in;

    QuotedPrintableDecoder(InputStream in) {
        this.in = new PushbackInputStream(new BufferedInputStream(in), LOOKAHEAD);
    }

    @Override
    public int read() throws IOException {
        while (true) {
            int c = in.read();
            if (c != '=') {
                return c;
            }
            int first = in.read();
            if (first == '\r' || first == '\n') {
                skipLineEnd(first);
                continue;
            }
            if (first == ' ' || first == '\t') {
                if (softBreakAfterBlanks(first)) {
                    continue;
                }
                return '=';
            }
            int second = first < 0 ? -1 : in.read();
            int high = Character.digit(first, 16);
            int low = Character.digit(second, 16);
            if (first >= 0 && second >= 0 && high >= 0 && low >= 0) {
                return high << 4 | low;
            }
            if (second >= 0) {
                in.unread(second);
            }
            if (first >= 0) {
                in.unread(first);
            }
            return '=';
        }
    }

    private void skipLineEnd(int first) throws IOException {
        if (first == '\r') {
            int next = in.read();
            if (next != '\n' && next >= 0) {
                in.unread(next);
            }
        }
    }

    /** "=" followed by blanks and a line end is a soft line break whose blanks a gateway added. */
    private boolean softBreakAfterBlanks(int first) throws IOException {
        byte[] seen = new byte[LOOKAHEAD - 1];
        seen[0] = (byte) first;
        int count = 1;
        int c = in.read();
        while ((c == ' ' || c == '\t') && count < seen.length - 1) {
            seen[count++] = (byte) c;
            c = in.read();
        }
        if (c == '\r' || c == '\n') {
            skipLineEnd(c);
            return true;
        }
        if (c == -1) {
            return true;
        }
        in.unread(c);
        in.unread(seen, 0, count);
        return false;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
