package no.tenantdesk.domain;

/** Why we send a message. */
public enum OutboxKind implements CliEnum {
    /** An operator's answer to the tenant. */
    REPLY("reply"),
    /** The automatic receipt for a new inquiry that came by e-mail. */
    ACKNOWLEDGEMENT("acknowledgement"),
    /** A task sent to its assignee, a contractor who works from e-mail. */
    TASK_NOTICE("task-notice"),
    /** The morning digest: a person's open tasks, or an operator's late inquiries (about many inquiries, so none). */
    DIGEST("digest");

    private final String cli;

    OutboxKind(String cli) {
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
