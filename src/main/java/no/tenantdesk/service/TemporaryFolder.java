package no.tenantdesk.service;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder for the files of one run (downloaded mail, attachments to send), removed with all in it when closed. Its
 * lock (see {@link Scratch}) says that the run still lives.
 */
public final class TemporaryFolder implements AutoCloseable {

    private final Path path;
    private final Path lockFile;
    private final FileLock lock;

    TemporaryFolder(Path path, Path lockFile, FileLock lock) {
        this.path = path;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        deleteTree(path);
        try {
            Files.deleteIfExists(lockFile);
            lock.channel().close();
        } catch (IOException e) {
            // A lock file left behind is removed by the next run's sweep: nobody holds it any more.
        }
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Left for the next run's sweep; the run's result stands.
        }
    }
}
