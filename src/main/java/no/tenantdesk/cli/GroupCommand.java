package no.tenantdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that only groups others (inquiry, task …): given alone, it names the ones it has. The bare @Command
 * lets picocli's annotation processor accept the @Spec here; each subclass's own @Command says the rest.
 */
@Command
abstract class GroupCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
