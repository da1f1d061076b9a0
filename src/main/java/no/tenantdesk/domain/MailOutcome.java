package no.tenantdesk.domain;

/** What fetch-mail made of one message. */
public enum MailOutcome implements CliEnum {
    /** A new inquiry. */
    CREATED("created"),
    /** An incoming comment on the inquiry it answers. */
    THREADED("threaded"),
    /** Kept as it came, nothing more; the reason says why. */
    SKIPPED("skipped"),
    /** It could not be read or stored: kept with its error until an operator retries it. */
    QUARANTINED("quarantined");

    private final String cli;

    MailOutcome(String cli) {
        this.cli = cli;
    }

    @Override
    public String cli() {
        return cli;
    }

    @Override
    public String toString() {
        return cli;
    }
}
