package no.tenantdesk.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tenantdesk.domain.TenantdeskException;
import no.tenantdesk.files.PrivateFiles;

/** Where a SQLite database's file is made: its folder and the file, the user's alone, before SQLite opens it. */
final class SqliteFileCreation {

    private SqliteFileCreation() {}

    /**
     * A new database, and the folders made for it, are the user's alone (0600 and 0700, whatever the umask): they
     * hold tenants' names, addresses and mail. SQLite gives the -wal, -shm and -journal files the mode of the database
     * file, so they follow. A file that exists keeps its mode: a database shared with a group is shared on purpose.
     *
     * @return whether an existing file can be read by every user of the machine
     */
    static boolean createPrivately(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            PrivateFiles.createFolders(folder);
        } catch (IOException e) {
            throw new TenantdeskException(
                    "cannot create folder " + folder + " for the database: " + reason(folder, e), e);
        }
        try {
            PrivateFiles.createFile(file);
            return false;
        } catch (FileAlreadyExistsException e) {
            return PrivateFiles.readableByOthers(file);
        } catch (IOException e) {
            return false; // a folder we may not write in: SQLite says so when it opens the file
        }
    }

    /** The IOException of createDirectories names a path, not the problem. */
    private static String reason(Path folder, IOException e) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return p + " is a file, not a folder";
            }
        }
        return e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
    }
}
