package no.tenantdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import no.tenantdesk.domain.InvalidInputException;

/** Passwords come from files (or the environment), never from a command line, where `ps` shows them to anyone. */
final class Passwords {

    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private Passwords() {}

    /**
     * The file's first line, without its line end. A file that others may read or change is refused, as ssh refuses
     * such a key: a password that everyone on the machine can read is no longer the office's alone.
     */
    static String read(Path file) {
        try {
            ownersOnly(file, "password file");
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the password file " + file + ": "
                    + (Files.exists(file) ? "permission denied" : "no such file"));
        }
    }

    /** Refuses a secret's file (a password, a service account's key) that others may read or change. */
    static Path ownersOnly(Path file, String what) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(OTHERS::contains)) {
                throw new InvalidInputException("the " + what + " " + file + " can be read or changed by other users"
                        + " (mode " + octal(mode) + "); make it yours alone: chmod 600 " + file);
            }
            return file;
        } catch (UnsupportedOperationException e) {
            throw new InvalidInputException("cannot tell who may read the " + what + " " + file
                    + ": its file system has no Unix permissions");
        }
    }

    static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission permission : mode) {
            bits |= bit(permission);
        }
        return String.format("%04o", bits);
    }

    private static int bit(PosixFilePermission permission) {
        return switch (permission) {
            case OWNER_READ -> 0400;
            case OWNER_WRITE -> 0200;
            case OWNER_EXECUTE -> 0100;
            case GROUP_READ -> 040;
            case GROUP_WRITE -> 020;
            case GROUP_EXECUTE -> 010;
            case OTHERS_READ -> 04;
            case OTHERS_WRITE -> 02;
            case OTHERS_EXECUTE -> 01;
        };
    }
}
