package no.tenantdesk.domain;

import java.util.List;

/** Declared from least to most urgent: the ordinal is the rank lists sort by. */
public enum Priority implements CliEnum {
    LOW("lav"),
    NORMAL("normal"),
    HIGH("høy", "hoey", "hoy"),
    URGENT("haster");

    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable, as Error Prone cannot see
    private final List<String> words;

    Priority(String... words) {
        this.words = List.of(words);
    }

    @Override
    public String cli() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** In Norwegian, as the users say it ("høy", "haster"), and "høy" as typed without ø. */
    @Override
    public List<String> words() {
        return words;
    }

    public static Priority parse(String text) {
        return CliEnum.parse(Priority.class, "priority", text);
    }

    /** The CLI spelling, so that help texts and completion show what users type. */
    @Override
    public String toString() {
        return cli();
    }
}
