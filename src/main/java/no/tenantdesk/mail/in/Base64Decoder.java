package no.tenantdesk.mail.in;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Base64 that skips whatever is not in the alphabet and decodes a last, incomplete group as far as it goes. */
final class Base64Decoder extends InputStream {

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

    Base64Decoder(InputStream in) {
        this(in, 16 * 1024);
    }

    /** @param buffer bytes read at a time: small for an encoded word, which is read whole and at once */
    Base64Decoder(InputStream in, int buffer) {
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
