package no.tenantdesk.domain;

/** Where an inquiry or a task stands. Any move is allowed; done → todo is a reopen. */
public enum Status implements CliEnum {
    TODO("todo"),
    IN_PROGRESS("in-progress"),
    DONE("done");

    private final String cli;

    Status(String cli) {
        this.cli = cli;
    }

    @Override
    public String cli() {
        return cli;
    }

    public boolean isOpen() {
        return this != DONE;
    }

    public static Status parse(String text) {
        return CliEnum.parse(Status.class, "status", text);
    }

    /** The CLI spelling, so that help texts and completion show what users type. */
    @Override
    public String toString() {
        return cli();
    }
}
