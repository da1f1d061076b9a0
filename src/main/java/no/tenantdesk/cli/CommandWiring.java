package no.tenantdesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * What every command line of a run gets before it parses: its commands, where it prints, the one error handler,
 * the converters, and the exit codes and root sections its help lists.
 */
final class CommandWiring {

    private CommandWiring() {
    }

    static CommandLine configured(CommandLine commandLine, List<Class<?>> commands, PrintWriter out,
            PrintWriter err, GlobalOptions options, Environment environment) {
        // First: picocli hands the settings below only to the subcommands already there.
        commands.forEach(commandLine::addSubcommand);
        commandLine.setOut(out);
        commandLine.setErr(err);
        ErrorHandler errors = new ErrorHandler(options);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        Converters.register(commandLine, environment);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (String line : ExitCodes.LIST) {
            int colon = line.indexOf(':');
            exitCodes.put(line.substring(0, colon), line.substring(colon + 1));
        }
        applyToAll(commandLine, c -> c.getCommandSpec().usageMessage().exitCodeList(exitCodes));
        HelpSections.addRootSections(commandLine.getCommandSpec().usageMessage());
        return commandLine;
    }

    private static void applyToAll(CommandLine commandLine, Consumer<CommandLine> action) {
        action.accept(commandLine);
        commandLine.getSubcommands().values().forEach(sub -> applyToAll(sub, action));
    }
}
