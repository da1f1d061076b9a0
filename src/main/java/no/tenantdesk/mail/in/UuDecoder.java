package no.tenantdesk.mail.in;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * uuencode read leniently: the "begin" line is skipped when there is one, lines are decoded as far as they go,
 * and the data ends at "end", an empty data line or the end of the part. Jakarta Mail's decoder threw at a
 * missing "begin", which lost the whole message rather than one attachment.
 */
final class UuDecoder extends InputStream {

    private final InputStream in;
    private final byte[] line = new byte[256];
    private final byte[] decoded = new byte[192];
    private int position;
    private int limit;
    private boolean data;
    private boolean ended;

    UuDecoder(InputStream in) {
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
