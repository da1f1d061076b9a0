package no.tenantdesk.mail.in;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Maildir's new/ folder watched for fetch-mail --watch (inotify on Linux): a delivery agent writes a message in
 * tmp/ and renames it into new/, which is a file created there. What lands in cur/ unread (a client moved it) waits for
 * the watch's poll.
 */
final class FolderWatch implements AutoCloseable {

    /** How often a wait looks at the stop signal. */
    private static final long SLICE_MILLIS = 250;

    private final WatchService service;

    FolderWatch(Path folder) throws IOException {
        service = folder.getFileSystem().newWatchService();
        folder.register(service, ENTRY_CREATE);
    }

    /** Until a file is created in the folder (since the last wait), {@code max} has passed, or {@code stop} stops. */
    void await(Duration max, StopSignal stop) {
        long deadline = System.nanoTime() + max.toNanos();
        try {
            while (!stop.stopped() && deadline - System.nanoTime() > 0) {
                WatchKey key = service.poll(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed with its source: nothing more to wait for
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing held that matters
        }
    }
}
