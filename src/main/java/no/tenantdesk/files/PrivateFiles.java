package no.tenantdesk.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders for their user alone: 0600 and 0700, whatever the umask (which can only take bits away, so the mode
 * is set again after creating). tenantdesk keeps tenants' names, addresses, mail and photos; a umask of 022 or 000
 * would otherwise hand them to every user of the machine. Temporary files need none of this: Java creates those
 * 0600 and 0700 already.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** The folder and those of its parents that are missing, each made 0700; a folder that exists is left as it is. */
    public static void createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        if (absolute.getParent() != null) {
            createFolders(absolute.getParent());
        }
        try {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
            Files.setPosixFilePermissions(absolute, FOLDER);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
            // made by another program at the same moment: its mode is its maker's choice
        }
    }

    /** A new folder, 0700, whatever the umask; one that exists already is an error. */
    public static void createFolder(Path folder) throws IOException {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        Files.setPosixFilePermissions(folder, FOLDER);
    }

    /** A new empty file, 0600. */
    public static void createFile(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        Files.setPosixFilePermissions(file, FILE);
    }

    /** Whether users other than the owner and the owner's group may read the file. */
    public static boolean readableByOthers(Path file) {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
