package no.tenantdesk.cli;

/**
 * A run in the daemon reached for the user's terminal (a prompt, an editor, the shell's line reader), which
 * only a process started at that terminal has. Thrown before anything is printed or stored, so that the client can
 * run the same arguments itself.
 */
public final class TerminalRequiredException extends RuntimeException {

    public TerminalRequiredException() {
        super("this run needs the terminal", null, false, false);
    }
}
