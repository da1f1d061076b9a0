package no.tenantdesk.domain;

/** Why stored bytes (a file, a raw mail) are gone while their record stays. */
public enum Removal implements CliEnum {
    /** `db prune`: the inquiry was done longer ago than the config's retention: keeps them. */
    RETENTION("retention"),
    /** `contact forget`: the person who sent them was erased. */
    ERASURE("erasure");

    private final String cli;

    Removal(String cli) {
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
