package no.tenantdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A real Maildir on disk, delivered to as a mail server would: a uniquely named file in new/. */
public final class Maildir {

    private final Path root;
    private int delivered;

    public Maildir(Path root) {
        this.root = root;
        try {
            for (String sub : List.of("new", "cur", "tmp")) {
                Files.createDirectories(root.resolve(sub));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source URI fetch-mail reads it by. */
    public String uri() {
        return "maildir:" + root;
    }

    public Path root() {
        return root;
    }

    public Maildir deliver(byte[] message) {
        delivered++;
        try {
            // Names sort in delivery order, as real ones (time-based) do.
            Files.write(root.resolve("new").resolve(String.format("1764230400.M%06dP1.test", delivered)), message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Maildir deliver(String message) {
        return deliver(message.getBytes(StandardCharsets.UTF_8));
    }

    /** One of the .eml fixtures under src/test/resources/mail/. */
    public Maildir deliverFixture(String name) {
        return deliver(fixture(name));
    }

    public static byte[] fixture(String name) {
        try (InputStream in = Maildir.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture mail/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> files(String sub) {
        try (Stream<Path> files = Files.list(root.resolve(sub))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
