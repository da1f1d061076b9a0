package no.tenantdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "attachment", description = "Files kept with an inquiry: photos, documents.",
        subcommands = {AttachmentAddCommand.class, AttachmentListCommand.class, AttachmentGetCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk attachment list 12",
            "  tenantdesk attachment get 7 -o ~/Downloads/",
        })
final class AttachmentCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }
}
