package no.tenantdesk.domain;

/** Whether a stored mail came to us (a tenant's) or went from us (a reply, a receipt, a task notice). */
public enum MailDirection implements CliEnum {
    IN("in"),
    OUT("out");

    private final String cli;

    MailDirection(String cli) {
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
