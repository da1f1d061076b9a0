package no.tenantdesk.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** An enum whose constants have one spelling shared by the command line, JSON and the database. */
public interface CliEnum {

    String cli();

    /**
     * The other words users type for it, lower case: the seed's and the users' own Norwegian ("pågår", "haster"),
     * with their spellings on a keyboard without æøå. Read, never written: output keeps {@link #cli}.
     */
    default List<String> words() {
        return List.of();
    }

    /** Parses a user's spelling or word, case-insensitively; the error names every valid value. */
    static <E extends Enum<E> & CliEnum> E parse(Class<E> type, String noun, String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (E constant : type.getEnumConstants()) {
            if (constant.cli().equals(wanted) || constant.words().contains(wanted)) {
                return constant;
            }
        }
        String words = Arrays.stream(type.getEnumConstants()).flatMap(c -> c.words().stream().limit(1))
                .filter(word -> Arrays.stream(type.getEnumConstants()).noneMatch(c -> c.cli().equals(word)))
                .collect(Collectors.joining(", "));
        throw new InvalidInputException("unknown " + noun + " '" + text + "' (valid: " + spellings(type)
                + (words.isEmpty() ? "" : "; or " + words) + ")");
    }

    /** Every spelling a user may type: the CLI's, then the first of each one's own words; for completion. */
    static <E extends Enum<E> & CliEnum> List<String> typed(Class<E> type) {
        List<String> typed = new ArrayList<>();
        Arrays.stream(type.getEnumConstants()).forEach(c -> typed.add(c.cli()));
        Arrays.stream(type.getEnumConstants()).flatMap(c -> c.words().stream().limit(1))
                .filter(word -> !typed.contains(word)).forEach(typed::add);
        return typed;
    }

    static <E extends Enum<E> & CliEnum> String spellings(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(CliEnum::cli).collect(Collectors.joining(", "));
    }
}
