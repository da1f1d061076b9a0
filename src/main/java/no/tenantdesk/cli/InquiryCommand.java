package no.tenantdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "inquiry",
        description = "Create, list, read and change inquiries.",
        subcommands = {InquiryCreateCommand.class, InquiryListCommand.class, InquiryShowCommand.class, InquiryUpdateCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk inquiry list",
            "  tenantdesk inquiry show 12",
        })
final class InquiryCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
