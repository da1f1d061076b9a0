package no.tenantdesk.domain;

/**
 * Where an inquiry's location came from, so that an operator can trust or correct it. A mail's inquiry takes the first
 * of rule, text, requester, organization that names a place; an operator's choice always wins.
 */
public enum LocationFrom implements CliEnum {
    /** A rule of the config's {@code rules:} set it. */
    RULE("rule"),
    /** The subject or the text named the place (or one of its aliases). */
    TEXT("text"),
    /** The requester's own location. */
    REQUESTER("requester"),
    /** The only premises of the requester's organization. */
    ORGANIZATION("organization"),
    /** An operator chose it (inquiry create --location, inquiry update --location). */
    OPERATOR("operator");

    private final String cli;

    LocationFrom(String cli) {
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
