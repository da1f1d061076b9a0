package no.tenantdesk.mail.in;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Content-Transfer-Encoding decoders that keep what they can read. Jakarta Mail's own throw at the first bad
 * character and so lose the rest of a part; real mail has stray characters, missing padding and cut-off lines.
 */
final class TransferDecoding {

    private TransferDecoding() {}

    /** The decoded content; an encoding we do not know (or 7bit, 8bit, binary) passes the bytes through. */
    static InputStream decode(InputStream raw, String encoding) {
        String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "base64" -> new Base64(raw);
            case "quoted-printable" -> new QuotedPrintable(raw);
            case "uuencode", "x-uuencode", "x-uue" -> new UuDecoded(raw);
            default -> raw;
        };
    }

    /** Base64 that skips whatever is not in the alphabet and decodes a last, incomplete group as far as it goes. */
    static final class Base64 extends InputStream {

        private static final int[] VALUES = new int[256];

        static {
            Arrays.fill(VALUES, -1);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            for (int i = 0; i < alphabet.length(); i++) {
                VALUES[alphabet.charAt(i)] = i;
            }
            // The URL-safe alphabet turns up in mail written by web applications.
            VALUES['-'] = 62;
            VALUES['_'] = 63;
        }

        private final InputStream in;
        private final byte[] encoded;
        private final byte[] decoded;
        private int position;
        private int limit;
        private int group;
        private int groupLength;
        private boolean ended;

        Base64(InputStream in) {
            this(in, 16 * 1024);
        }

        /** @param buffer bytes read at a time: small for an encoded word, which is read whole and at once */
        Base64(InputStream in, int buffer) {
            this.in = in;
            this.encoded = new byte[buffer];
            this.decoded = new byte[buffer / 4 * 3 + 3];
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return decoded[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, limit - position);
            System.arraycopy(decoded, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (position == limit) {
                if (ended) {
                    return false;
                }
                position = 0;
                limit = 0;
                int n = in.read(encoded);
                if (n < 0) {
                    ended = true;
                    flushGroup();
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    int c = encoded[i] & 0xff;
                    if (c == '=') {
                        // Padding ends a group; some senders concatenate encoded chunks, so go on after it.
                        flushGroup();
                        continue;
                    }
                    int value = VALUES[c];
                    if (value < 0) {
                        continue;
                    }
                    group = group << 6 | value;
                    if (++groupLength == 4) {
                        decoded[limit++] = (byte) (group >> 16);
                        decoded[limit++] = (byte) (group >> 8);
                        decoded[limit++] = (byte) group;
                        group = 0;
                        groupLength = 0;
                    }
                }
            }
            return true;
        }

        private void flushGroup() {
            if (groupLength == 2) {
                decoded[limit++] = (byte) (group >> 4);
            } else if (groupLength == 3) {
                decoded[limit++] = (byte) (group >> 10);
                decoded[limit++] = (byte) (group >> 2);
            }
            group = 0;
            groupLength = 0;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Quoted-printable where an "=" that starts no escape is just an "=" (as careless senders mean it). */
    // It decodes byte by byte whatever reads it: InputStream's own read of many bytes is the loop an override would be.
    @SuppressWarnings("InputStreamSlowMultibyteRead")
    static final class QuotedPrintable extends InputStream {

        private static final int LOOKAHEAD = 256;

        private final PushbackInputStream in;

        QuotedPrintable(InputStream in) {
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

    /**
     * uuencode read leniently: the "begin" line is skipped when there is one, lines are decoded as far as they go,
     * and the data ends at "end", an empty data line or the end of the part. Jakarta Mail's decoder threw at a
     * missing "begin", which lost the whole message rather than one attachment.
     */
    static final class UuDecoded extends InputStream {

        private final InputStream in;
        private final byte[] line = new byte[256];
        private final byte[] decoded = new byte[192];
        private int position;
        private int limit;
        private boolean data;
        private boolean ended;

        UuDecoded(InputStream in) {
            this.in = new BufferedInputStream(in);
        }

        @Override
        public int read() throws IOException {
            while (position == limit) {
                if (ended || !nextLine()) {
                    return -1;
                }
            }
            return decoded[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            buffer[offset] = (byte) c;
            int n = Math.min(length - 1, limit - position);
            System.arraycopy(decoded, position, buffer, offset + 1, n);
            position += n;
            return n + 1;
        }

        /** Decodes the next data line into {@link #decoded}; false at the end of the data. */
        private boolean nextLine() throws IOException {
            while (true) {
                int length = readLine();
                if (length < 0) {
                    return false;
                }
                if (!data && (length == 0 || starts("begin ", length))) {
                    continue; // blank lines and the begin line before the data
                }
                if (length == 0 || value(line[0]) == 0 || (length == 3 && starts("end", length))) {
                    ended = true;
                    return false;
                }
                data = true;
                position = 0;
                limit = 0;
                int bytes = value(line[0]);
                for (int i = 1; i < length && limit < bytes; i += 4) {
                    int group = value(at(i, length)) << 18 | value(at(i + 1, length)) << 12
                            | value(at(i + 2, length)) << 6 | value(at(i + 3, length));
                    for (int shift = 16; shift >= 0 && limit < bytes; shift -= 8) {
                        decoded[limit++] = (byte) (group >> shift);
                    }
                }
                return true;
            }
        }

        private boolean starts(String word, int length) {
            return length >= word.length()
                    && new String(line, 0, word.length(), StandardCharsets.US_ASCII).equals(word);
        }

        private byte at(int index, int length) {
            return index < length ? line[index] : (byte) ' ';
        }

        private static int value(byte c) {
            return (c - ' ') & 0x3f;
        }

        /** Reads a line into {@link #line} (a longer one is cut there, as no uuencoded line is); -1 at the end. */
        private int readLine() throws IOException {
            int length = 0;
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            while (c >= 0 && c != '\n') {
                if (c != '\r' && length < line.length) {
                    line[length++] = (byte) c;
                }
                c = in.read();
            }
            return length;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
