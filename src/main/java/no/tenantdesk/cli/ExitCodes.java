package no.tenantdesk.cli;

import java.util.List;
import no.tenantdesk.domain.InvalidInputException;
import no.tenantdesk.domain.NotFoundException;
import no.tenantdesk.domain.TemporaryFailureException;

/** The one table of exit codes: scripts and cron rely on these numbers. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int PARTIAL = 4;
    public static final int TEMPORARY = 75;

    /**
     * Not an exit code but the answer of a run in the daemon that needs a process of its own (a terminal to
     * prompt on); the client then runs it itself. Never the status of a process.
     */
    static final int OWN_PROCESS = -1;

    /** As listed by --help and the man page. */
    static final List<String> LIST = List.of(
            "0:ok",
            "1:failure",
            "2:invalid usage or input",
            "3:not found",
            "4:partly done (some mails quarantined, a reply stored but not yet sent)",
            "75:temporary failure (database busy, server unreachable): try again later");

    private ExitCodes() {}

    static int of(Throwable e) {
        if (e instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (e instanceof InvalidInputException) {
            return USAGE;
        }
        if (e instanceof TemporaryFailureException) {
            return TEMPORARY;
        }
        return FAILURE;
    }
}
