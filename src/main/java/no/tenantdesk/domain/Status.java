package no.tenantdesk.domain;

import java.util.List;

/** Where an inquiry or a task stands. Any move is allowed; done → todo is a reopen. */
public enum Status implements CliEnum {
    TODO("todo", "to-do"),
    IN_PROGRESS("in-progress", "pågår", "paagaar", "pagar"),
    DONE("done", "fullført", "fullfoert", "fullfort");

    private final String cli;
    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable, as Error Prone cannot see
    private final List<String> words;

    Status(String cli, String... words) {
        this.cli = cli;
        this.words = List.of(words);
    }

    @Override
    public String cli() {
        return cli;
    }

    /** The seed's names ("to-do", "pågår", "fullført"), as the users call them. */
    @Override
    public List<String> words() {
        return words;
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
