package no.tenantdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.tenantdesk.domain.InvalidInputException;

/** Text given as an option, a file, or "-" for standard input; read only when the user asked for it. */
final class TextInput {

    private TextInput() {}

    static String read(String text, Path file, Environment environment, String textOption, String fileOption) {
        if (text != null && file != null) {
            throw new InvalidInputException("give " + textOption + " or " + fileOption + ", not both");
        }
        if ("-".equals(text) || (file != null && file.toString().equals("-"))) {
            try {
                return new String(environment.stdin().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException("cannot read standard input: " + e.getMessage());
            }
        }
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return text;
    }

    static String required(String text, Path file, Environment environment, String textOption, String fileOption) {
        String value = read(text, file, environment, textOption, fileOption);
        if (value == null) {
            throw new InvalidInputException("missing text: give " + textOption + " TEXT, " + fileOption
                    + " FILE, or " + textOption + " - to read standard input");
        }
        return value;
    }
}
