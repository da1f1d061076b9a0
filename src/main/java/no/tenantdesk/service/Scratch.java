package no.tenantdesk.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.files.PrivateFiles;

/**
 * The program's own folder for the files of a run (downloaded mail, files to send), under the user's runtime or cache
 * folder rather than the shared /tmp. Each run's folder has a lock file beside it that the run holds while it lives:
 * the operating system lets go of it however the run ends, so a folder whose lock nobody holds is the leftover of a
 * killed run, and {@link #sweep} removes it.
 */
public final class Scratch {

    static final String LOCK = ".lock";
    /** Folders of versions before this one were made in /tmp without a lock file; one this old is nobody's. */
    private static final Duration LEGACY_AGE = Duration.ofHours(24);
    private static final String LEGACY_PREFIX = "tenantdesk-fetch-";

    private final Path root;
    private final Path legacy;

    /**
     * @param root   the program's folder for temporary files, made (0700) when first needed
     * @param legacy where earlier versions left their spool folders (the JVM's temporary folder), or null
     */
    public Scratch(Path root, Path legacy) {
        this.root = root;
        this.legacy = legacy;
    }

    public Path root() {
        return root;
    }

    /** A new folder for one run, locked until closed. */
    public TemporaryFolder folder(String prefix) {
        try {
            PrivateFiles.createFolders(root);
            Path lockFile = Files.createTempFile(root, prefix, LOCK);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            String name = lockFile.getFileName().toString();
            Path folder = root.resolve(name.substring(0, name.length() - LOCK.length()));
            PrivateFiles.createFolder(folder);
            return new TemporaryFolder(folder, lockFile, lock);
        } catch (IOException e) {
            throw new TenantdeskException("cannot create a temporary folder in " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the folders of runs that ended without cleaning up (killed, or the machine lost power): those whose lock
     * no process holds, and earlier versions' spool folders in /tmp of this user that nobody has touched for a day.
     *
     * @return how many folders were removed
     */
    public int sweep(Instant now) {
        int removed = 0;
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> locks = Files.newDirectoryStream(root, "*" + LOCK)) {
                for (Path lockFile : locks) {
                    removed += removeIfUnheld(lockFile) ? 1 : 0;
                }
            } catch (IOException e) {
                // A folder that cannot be read now is looked at again by the next run.
            }
        }
        if (legacy != null && Files.isDirectory(legacy)) {
            removed += sweepLegacy(now);
        }
        return removed;
    }

    private static boolean removeIfUnheld(Path lockFile) {
        String name = lockFile.getFileName().toString();
        Path folder = lockFile.resolveSibling(name.substring(0, name.length() - LOCK.length()));
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // a run in another process holds it
            }
            TemporaryFolder.deleteTree(folder);
            Files.deleteIfExists(lockFile);
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // a run in this process (the daemon) holds it
        } catch (IOException e) {
            return false;
        }
    }

    private int sweepLegacy(Instant now) {
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(legacy, LEGACY_PREFIX + "*")) {
            UserPrincipal me = null;
            for (Path folder : folders) {
                if (me == null) {
                    PrivateFiles.createFolders(root);
                    me = Files.getOwner(root); // this process's user, as the file system names owners
                }
                if (Files.isDirectory(folder) && Files.getOwner(folder).equals(me)
                        && Files.getLastModifiedTime(folder).toInstant().isBefore(now.minus(LEGACY_AGE))) {
                    TemporaryFolder.deleteTree(folder);
                    removed++;
                }
            }
        } catch (IOException e) {
            // Left for the next run, or for the system's own cleaning of /tmp.
        }
        return removed;
    }
}
