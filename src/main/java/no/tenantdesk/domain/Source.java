package no.tenantdesk.domain;

/** How an inquiry reached the desk. */
public enum Source implements CliEnum {
    PHONE("phone"),
    EMAIL("email"),
    WALK_IN("walk-in"),
    OTHER("other");

    private final String cli;

    Source(String cli) {
        this.cli = cli;
    }

    @Override
    public String cli() {
        return cli;
    }

    public static Source parse(String text) {
        return CliEnum.parse(Source.class, "source", text);
    }

    /** The CLI spelling, so that help texts and completion show what users type. */
    @Override
    public String toString() {
        return cli();
    }
}
