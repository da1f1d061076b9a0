package no.tenantdesk.domain;

/** A task is ordinary work; a deviation ("avvik") reports something that is not as it should be. */
public enum TaskKind implements CliEnum {
    TASK,
    DEVIATION;

    @Override
    public String cli() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TaskKind parse(String text) {
        return CliEnum.parse(TaskKind.class, "kind", text);
    }

    /** The CLI spelling, so that help texts and completion show what users type. */
    @Override
    public String toString() {
        return cli();
    }
}
