package no.tenantdesk.domain;

/** Declared from least to most urgent: the ordinal is the rank lists sort by. */
public enum Priority implements CliEnum {
    LOW,
    NORMAL,
    HIGH,
    URGENT;

    @Override
    public String cli() {
        return name().toLowerCase(java.util.Locale.ROOT);
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
