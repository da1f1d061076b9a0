package no.tenantdesk.mail.in;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;

/**
 * An mbox file, read only. A message starts after a "From " line at the start of the file or after an empty line,
 * and ends before the empty line that precedes the next one; "&gt;From " lines are un-escaped as mboxrd writes them
 * (which also reads mboxo files right, except for the rare body line that really began with "&gt;From ").
 *
 * <p>Nothing is held in memory but one chunk of a line: listing streams through the file once, hashing each
 * message and remembering where its bytes are; fetching copies that range again. Identical copies of one message
 * have one key, and are listed once.
 */
final class MboxSource implements MailSource {

    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};
    private static final int CHUNK = 64 * 1024;

    private final String name;
    private final Path file;
    private final Path spool;
    private final Map<String, Span> spans = new LinkedHashMap<>();

    private record Span(long start, long end) {}

    private MboxSource(String name, Path file, Path spool) {
        this.name = name;
        this.file = file;
        this.spool = spool;
    }

    static MboxSource open(String name, Path file, AfterImport afterImport, Path spool) {
        if (afterImport != null && afterImport != AfterImport.KEEP) {
            throw new InvalidInputException(
                    name + ": an mbox is read only; it cannot " + afterImport.name().toLowerCase(Locale.ROOT)
                            + " messages (use keep)");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(name + ": " + file + " is not a file");
        }
        return new MboxSource(name, file, spool);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Waiting> list() {
        spans.clear();
        try (InputStream in = Files.newInputStream(file)) {
            scan(in);
        } catch (IOException e) {
            throw Failures.local(name, e);
        }
        List<Waiting> waiting = new ArrayList<>();
        spans.forEach((key, span) -> waiting.add(new Waiting(key, span.end() - span.start())));
        return waiting;
    }

    private void scan(InputStream in) throws IOException {
        Chunks chunks = new Chunks(in, Long.MAX_VALUE);
        byte[] chunk = new byte[CHUNK];
        MessageDigest digest = Spool.sha256();
        boolean inMessage = false;
        boolean afterEmptyLine = true; // the start of the file counts as one
        boolean skippingSeparator = false;
        long start = 0;
        byte[] pendingEmpty = null; // an empty line that ends the message if a "From " line follows it
        long pendingAt = 0;
        int n;
        while (true) {
            long at = chunks.offset();
            boolean lineStart = chunks.atLineStart();
            if ((n = chunks.next(chunk)) < 0) {
                break;
            }
            if (skippingSeparator) {
                // The rest of a very long "From " line; the message starts after it.
                skippingSeparator = !chunks.atLineStart();
                start = chunks.offset();
                continue;
            }
            if (lineStart && afterEmptyLine && startsWith(chunk, n, 0, FROM)) {
                if (inMessage) {
                    add(Spool.hex(digest), start, pendingEmpty != null ? pendingAt : at);
                }
                inMessage = true;
                digest.reset();
                pendingEmpty = null;
                afterEmptyLine = false;
                skippingSeparator = !chunks.atLineStart();
                start = chunks.offset();
                continue;
            }
            if (!inMessage) {
                throw new InvalidInputException(name + ": " + file + " is not an mbox file (it does not start with"
                        + " a \"From \" line)");
            }
            if (!lineStart) {
                digest.update(chunk, 0, n);
                continue;
            }
            if (pendingEmpty != null) {
                digest.update(pendingEmpty);
                pendingEmpty = null;
            }
            if (isEmptyLine(chunk, n)) {
                pendingEmpty = Arrays.copyOf(chunk, n);
                pendingAt = at;
                afterEmptyLine = true;
                continue;
            }
            afterEmptyLine = false;
            int skip = escapedFrom(chunk, n) ? 1 : 0;
            digest.update(chunk, skip, n - skip);
        }
        if (inMessage) {
            add(Spool.hex(digest), start, pendingEmpty != null ? pendingAt : chunks.offset());
        }
    }

    private void add(String key, long start, long end) {
        spans.putIfAbsent(key, new Span(start, end));
    }

    @Override
    public RawMessage fetch(Waiting message) {
        if (spans.isEmpty()) {
            list();
        }
        Span span = spans.get(message.key());
        if (span == null) {
            throw new TenantdeskException(name + ": message " + message.key() + " is not in the mbox");
        }
        Path copy = null;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(span.start());
            copy = Spool.newFile(spool);
            String sha256;
            try (Spool.Hashing out = new Spool.Hashing(Files.newOutputStream(copy))) {
                unescape(Channels.newInputStream(channel), span.end() - span.start(), out);
                sha256 = out.sha256Hex();
            }
            if (!sha256.equals(message.key())) {
                throw new TenantdeskException(name + ": the mbox changed since it was listed; run again");
            }
            return RawMessage.spooled(message.key(), copy);
        } catch (IOException e) {
            Spool.deleteQuietly(copy);
            throw Failures.local(name, e);
        } catch (RuntimeException e) {
            Spool.deleteQuietly(copy);
            throw e;
        }
    }

    private static void unescape(InputStream in, long length, OutputStream out) throws IOException {
        Chunks chunks = new Chunks(in, length);
        byte[] chunk = new byte[CHUNK];
        while (true) {
            boolean lineStart = chunks.atLineStart();
            int n = chunks.next(chunk);
            if (n < 0) {
                return;
            }
            int skip = lineStart && escapedFrom(chunk, n) ? 1 : 0;
            out.write(chunk, skip, n - skip);
        }
    }

    /** Read only: the service remembers what it stored. */
    @Override
    public void markDone(List<Waiting> messages) {}

    @Override
    public void close() {}

    private static boolean isEmptyLine(byte[] chunk, int n) {
        return (n == 1 && chunk[0] == '\n') || (n == 2 && chunk[0] == '\r' && chunk[1] == '\n');
    }

    /** "&gt;From ", "&gt;&gt;From ", …: a line mboxrd escaped by adding one "&gt;". */
    private static boolean escapedFrom(byte[] chunk, int n) {
        int i = 0;
        while (i < n && chunk[i] == '>') {
            i++;
        }
        return i > 0 && startsWith(chunk, n, i, FROM);
    }

    private static boolean startsWith(byte[] chunk, int n, int at, byte[] prefix) {
        if (n - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (chunk[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Hands out a stream in pieces that never cross a line end: a whole line when it fits, else the line in
     * several pieces. Decisions about a line need only its first bytes, so a line of any length streams through.
     */
    private static final class Chunks {
        private final InputStream in;
        private final byte[] buffer = new byte[CHUNK];
        private long remaining;
        private int position;
        private int limit;
        private long offset;
        private boolean atLineStart = true;

        Chunks(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        long offset() {
            return offset;
        }

        /** Whether the next piece begins a line. */
        boolean atLineStart() {
            return atLineStart;
        }

        /** Fills {@code chunk} up to and including the next line end, or until it is full; -1 at the end. */
        int next(byte[] chunk) throws IOException {
            int n = 0;
            while (n < chunk.length) {
                if (position == limit && !fill()) {
                    break;
                }
                byte b = buffer[position++];
                chunk[n++] = b;
                if (b == '\n') {
                    atLineStart = true;
                    offset += n;
                    return n;
                }
            }
            atLineStart = false;
            offset += n;
            return n == 0 ? -1 : n;
        }

        private boolean fill() throws IOException {
            if (remaining <= 0) {
                return false;
            }
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                remaining = 0;
                return false;
            }
            remaining -= read;
            position = 0;
            limit = read;
            return true;
        }
    }
}
