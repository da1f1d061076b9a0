package no.tenantdesk.domain;

import java.util.List;

/** A task is ordinary work; a deviation ("avvik") reports something that is not as it should be. */
public enum TaskKind implements CliEnum {
    TASK("oppgave"),
    DEVIATION("avvik");

    private final String word;

    TaskKind(String word) {
        this.word = word;
    }

    @Override
    public String cli() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** In Norwegian, as the office says it: a deviation report is an "avvik". */
    @Override
    public List<String> words() {
        return List.of(word);
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
