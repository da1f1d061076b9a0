package no.tenantdesk.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An enum whose constants have one spelling shared by the command line, JSON and the database. */
public interface CliEnum {

    String cli();

    /** Parses a user's spelling, case-insensitively; the error names every valid value. */
    static <E extends Enum<E> & CliEnum> E parse(Class<E> type, String noun, String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (E constant : type.getEnumConstants()) {
            if (constant.cli().equals(wanted)) {
                return constant;
            }
        }
        throw new InvalidInputException("unknown " + noun + " '" + text + "' (valid: " + spellings(type) + ")");
    }

    static <E extends Enum<E> & CliEnum> String spellings(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(CliEnum::cli).collect(Collectors.joining(", "));
    }
}
