package no.tenantdesk.cli;

import java.io.PrintWriter;
import no.tenantdesk.domain.TenantdeskException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Every failure ends here: one line on stderr, the exit code from {@link ExitCodes}, a stack trace only with -v.
 * A message of our own is for users; anything else is a bug, said as such.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final GlobalOptions options;

    ErrorHandler(GlobalOptions options) {
        this.options = options;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof TerminalRequiredException) {
            return ExitCodes.OWN_PROCESS;
        }
        PrintWriter err = commandLine.getErr();
        if (e instanceof TenantdeskException) {
            err.println("tenantdesk: " + e.getMessage());
        } else if (e instanceof java.io.UncheckedIOException io) {
            err.println("tenantdesk: " + io.getCause().getMessage());
        } else {
            err.println("tenantdesk: internal error: " + e + (options.verbose() ? "" : " (run with -v for details)"));
        }
        // A user's mistake (not found, invalid input) needs no trace; a bug or a failure with a cause below it does.
        if (options.verbose() && (!(e instanceof TenantdeskException) || e.getCause() != null)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.of(e);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("tenantdesk: " + e.getMessage());
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return ExitCodes.USAGE;
    }
}
