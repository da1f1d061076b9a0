package no.tenantdesk.cli;

import java.util.List;
import org.jline.terminal.Terminal;

/**
 * The daemon's: the person is at a terminal of another process, the client's. Whatever needs that terminal (a
 * prompt, an editor, the shell's line reader) says so with {@link TerminalRequiredException}, and the client runs the
 * command itself.
 */
public final class ElsewhereInteraction implements Interaction {

    @Override
    public String ask(String question, List<String> suggestions) {
        throw new TerminalRequiredException();
    }

    @Override
    public String edit(String template) {
        throw new TerminalRequiredException();
    }

    @Override
    public Terminal terminal() {
        throw new TerminalRequiredException();
    }
}
