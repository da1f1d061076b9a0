package no.tenantdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tenantdesk.domain.InvalidInputException;

/** Passwords come from files (or the environment), never from a command line, where `ps` shows them to anyone. */
final class Passwords {

    private Passwords() {}

    /** The file's first line, without its line end. */
    static String read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the password file " + file + ": "
                    + (Files.exists(file) ? "permission denied" : "no such file"));
        }
    }
}
