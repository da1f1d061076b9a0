package no.tenantdesk.mail.in;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Collects bytes up to a limit and says whether everything fitted. */
final class BoundedBuffer extends ByteArrayOutputStream {

    private final int limit;

    BoundedBuffer(int limit) {
        super(1024);
        this.limit = limit;
    }

    boolean copy(InputStream in, byte[] chunk) throws IOException {
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
