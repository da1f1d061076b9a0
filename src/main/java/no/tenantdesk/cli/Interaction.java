package no.tenantdesk.cli;

import org.jline.terminal.Terminal;

/**
 * What only a person at a terminal gives: answers to questions, text written in an editor, the lines of the
 * shell. Commands use it only when {@link Environment#terminal()} says a person is there; tests hand in their own.
 */
public interface Interaction extends Prompter, Editor {

    /** The terminal the shell reads its lines from, opened on first use and kept. */
    Terminal terminal();
}
