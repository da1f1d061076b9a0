package no.tenantdesk.mail.in;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.mail.in.SourceSpec.AfterImport;

/**
 * One message piped in, as an MTA's pipe transport or procmail hands it over. It is spooled when the source is
 * opened, because a stream can be read only once; the spool file belongs to this source and goes when it closes.
 */
final class StdinSource implements MailSource {

    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};

    private final String name;
    private final Path file;
    private final Waiting waiting;

    private StdinSource(String name, Path file, Waiting waiting) {
        this.name = name;
        this.file = file;
        this.waiting = waiting;
    }

    static StdinSource open(String name, InputStream stdin, AfterImport afterImport, Path spool) {
        if (afterImport != null && afterImport != AfterImport.KEEP) {
            throw new InvalidInputException(name + ": a message on standard input cannot be "
                    + afterImport.name().toLowerCase(Locale.ROOT) + "; use keep");
        }
        if (stdin == null) {
            throw new InvalidInputException(name + ": there is no standard input to read");
        }
        Path file = null;
        try {
            file = Spool.newFile(spool);
            String sha256;
            long size;
            try (Spool.Hashing out = new Spool.Hashing(Files.newOutputStream(file))) {
                skipEnvelope(stdin).transferTo(out);
                sha256 = out.sha256Hex();
                size = out.count();
            }
            if (size == 0) {
                throw new InvalidInputException(name + ": standard input is empty; expected one e-mail message");
            }
            return new StdinSource(name, file, new Waiting(sha256, size));
        } catch (IOException e) {
            Spool.deleteQuietly(file);
            throw new TenantdeskException(name + ": cannot read standard input (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            Spool.deleteQuietly(file);
            throw e;
        }
    }

    /**
     * Drops the "From sender date" envelope line that some MTAs' pipes put first: it is mbox framing, not part of
     * the message, and would otherwise be read as a broken header.
     */
    private static InputStream skipEnvelope(InputStream stdin) throws IOException {
        PushbackInputStream in = new PushbackInputStream(stdin, FROM.length);
        byte[] head = in.readNBytes(FROM.length);
        if (Arrays.equals(head, FROM)) {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                // the rest of the envelope line
            }
        } else {
            in.unread(head);
        }
        return in;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Waiting> list() {
        return List.of(waiting);
    }

    /** The spool file itself: it is this source's, and is deleted when the source closes. */
    @Override
    public RawMessage fetch(Waiting message) {
        if (!message.key().equals(waiting.key())) {
            throw new TenantdeskException(name + ": no message " + message.key() + " on standard input");
        }
        return RawMessage.inPlace(waiting.key(), file);
    }

    /** Nothing to mark: the service remembers the key. */
    @Override
    public void markDone(List<Waiting> messages) {}

    @Override
    public void close() {
        Spool.deleteQuietly(file);
    }
}
