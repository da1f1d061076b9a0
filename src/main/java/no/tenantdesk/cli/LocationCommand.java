package no.tenantdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "location",
        description = "The buildings as a tree of places (Bygg A/2. etasje/Kontor 204), each with a responsible person.",
        subcommands = {LocationAddCommand.class, LocationListCommand.class, LocationUpdateCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk location add 'Bygg A/2. etasje/Kontor 204'",
            "  tenantdesk location list",
        })
final class LocationCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
