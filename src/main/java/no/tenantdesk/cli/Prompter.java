package no.tenantdesk.cli;

import java.util.List;

/** Asks the person at the terminal for a value a command was not given. Only called when there is a person. */
public interface Prompter {

    /** The answer, stripped; "" when the person just pressed Enter. Suggestions are offered on Tab. */
    String ask(String question, List<String> suggestions);
}
