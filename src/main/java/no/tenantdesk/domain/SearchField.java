package no.tenantdesk.domain;

/** Where a search found its words: a piece of text written about an inquiry. */
public enum SearchField implements CliEnum {
    TITLE("title"),
    DESCRIPTION("description"),
    COMMENT("comment"),
    TASK_TITLE("task-title"),
    TASK_DESCRIPTION("task-description"),
    TASK_NOTE("task-note"),
    ATTACHMENT("attachment");

    private final String cli;

    SearchField(String cli) {
        this.cli = cli;
    }

    @Override
    public String cli() {
        return cli;
    }

    @Override
    public String toString() {
        return cli();
    }
}
