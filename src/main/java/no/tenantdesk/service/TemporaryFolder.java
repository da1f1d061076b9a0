package no.tenantdesk.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import no.tenantdesk.domain.TenantdeskException;

/** A folder for the files of one run (downloaded mail, attachments to send), removed with all in it when closed. */
final class TemporaryFolder implements AutoCloseable {

    private final Path path;

    TemporaryFolder(String prefix) {
        try {
            this.path = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new TenantdeskException("cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Left for the system's cleaning of temporary files; the run's result stands.
        }
    }
}
