package no.tenantdesk.domain;

/** Where a message in the outbox stands: waiting to be (re)tried, accepted by the server, or given up. */
public enum OutboxState implements CliEnum {
    QUEUED("queued"),
    SENT("sent"),
    FAILED("failed");

    private final String cli;

    OutboxState(String cli) {
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
