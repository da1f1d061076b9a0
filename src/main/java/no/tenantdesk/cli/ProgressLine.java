package no.tenantdesk.cli;

import java.io.PrintWriter;
import no.tenantdesk.render.Formats;
import no.tenantdesk.service.DatabaseService;

/**
 * A line on stderr that a long database command rewrites as it goes (rows copied, bytes written): only for a person
 * at a terminal, and never with -q; cleared when done, so that the result stands alone.
 */
final class ProgressLine implements DatabaseService.Progress {

    private final PrintWriter err;
    private final boolean shown;
    private final String verb;
    private final boolean bytes;

    private ProgressLine(App app, PrintWriter err, String verb, boolean bytes) {
        this.err = err;
        this.shown = app.environment().terminal() && !app.options().quiet();
        this.verb = verb;
        this.bytes = bytes;
    }

    /** "copying inquiry: 1,200 of 3,000". */
    static ProgressLine rows(App app, PrintWriter err, String verb) {
        return new ProgressLine(app, err, verb, false);
    }

    /** "backup: 120.0 MB of 800.0 MB". */
    static ProgressLine bytes(App app, PrintWriter err) {
        return new ProgressLine(app, err, "", true);
    }

    @Override
    public synchronized void step(String what, long done, long total) {
        if (shown) {
            String amount = bytes ? Formats.size(done) + (total > 0 ? " of " + Formats.size(total) : "")
                    : String.format("%,d", done) + (total > 0 ? " of " + String.format("%,d", total) : "");
            err.print("\r\033[K" + verb + what + ": " + amount);
            err.flush();
        }
    }

    synchronized void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
