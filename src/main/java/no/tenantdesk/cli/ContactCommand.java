package no.tenantdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "contact", description = "Tenants, staff and contractors.",
        subcommands = {ContactAddCommand.class, ContactListCommand.class, ContactShowCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk contact list --role contractor",
            "  tenantdesk contact show kari",
        })
final class ContactCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
