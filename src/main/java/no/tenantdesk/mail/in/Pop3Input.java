package no.tenantdesk.mail.in;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What a POP3 server sends, read through one buffer: status lines, the lines of a short multi-line answer (CAPA, UIDL,
 * LIST), and a message (RETR) streamed out as it comes, its lines as they were sent but for the dot that POP3 puts
 * before a line that starts with one. A message is never whole in memory, however long its lines.
 */
final class Pop3Input {

    /** A status or listing line longer than this is no POP3 server's. */
    private static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;

    Pop3Input(InputStream in) {
        this.in = in;
    }

    /** One line without its line end. */
    String line() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        while (true) {
            if (pos == limit) {
                fill();
            }
            int lf = indexOfLf();
            int end = lf < 0 ? limit : lf;
            text.write(buffer, pos, end - pos);
            pos = lf < 0 ? limit : lf + 1;
            if (lf >= 0) {
                String line = text.toString(UTF_8);
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            }
            if (text.size() > MAX_LINE) {
                throw new IOException("the server sent a line of more than " + MAX_LINE + " bytes");
            }
        }
    }

    /** The lines of a multi-line answer up to its "." line, un-stuffed. */
    List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = line(); !line.equals("."); line = line()) {
            lines.add(line.startsWith(".") ? line.substring(1) : line);
        }
        return lines;
    }

    /** A multi-line answer (a message) copied to {@code sink} as it comes, up to and without its "." line. */
    void copyMultiline(OutputStream sink) throws IOException {
        boolean lineStart = true;
        while (true) {
            if (pos == limit) {
                fill();
            }
            if (lineStart && buffer[pos] == '.') {
                available(2);
                if (buffer[pos + 1] == '\n') {
                    pos += 2;
                    return;
                }
                if (buffer[pos + 1] == '\r') {
                    available(3);
                    if (buffer[pos + 2] == '\n') {
                        pos += 3;
                        return;
                    }
                }
                pos++; // the dot POP3 put before a line that starts with one
                if (pos == limit) {
                    fill();
                }
            }
            int lf = indexOfLf();
            int end = lf < 0 ? limit : lf + 1;
            sink.write(buffer, pos, end - pos);
            pos = end;
            lineStart = lf >= 0;
        }
    }

    private int indexOfLf() {
        for (int i = pos; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** At least {@code count} bytes from pos on in the buffer. */
    private void available(int count) throws IOException {
        if (limit - pos >= count) {
            return;
        }
        System.arraycopy(buffer, pos, buffer, 0, limit - pos);
        limit -= pos;
        pos = 0;
        while (limit < count) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                throw new EOFException("the server closed the connection");
            }
            limit += n;
        }
    }

    private void fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        pos = 0;
        limit = n;
    }
}
