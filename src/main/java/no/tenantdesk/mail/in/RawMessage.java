package no.tenantdesk.mail.in;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one message as it came from the source (RFC 5322, CRLF or LF line ends), in a file so that a large
 * message never has to fit in memory. A spooled copy is deleted on close; a file the source owns (a Maildir
 * message) is left alone.
 */
public final class RawMessage implements Closeable {

    private final String key;
    private final Path file;
    private final boolean spooled;

    private RawMessage(String key, Path file, boolean spooled) {
        this.key = key;
        this.file = file;
        this.spooled = spooled;
    }

    /** A temporary copy, deleted when this is closed. */
    public static RawMessage spooled(String key, Path file) {
        return new RawMessage(key, file, true);
    }

    /** A file that belongs to the mailbox itself. */
    public static RawMessage inPlace(String key, Path file) {
        return new RawMessage(key, file, false);
    }

    public String key() {
        return key;
    }

    public Path file() {
        return file;
    }

    public long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (spooled) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file left behind is harmless: the spool folder is removed with the run.
            }
        }
    }
}
