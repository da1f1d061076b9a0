package no.tenantdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "attachment", description = "Files kept with an inquiry: photos, documents.",
        subcommands = {AttachmentAddCommand.class, AttachmentListCommand.class, AttachmentGetCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tenantdesk attachment list 12",
            "  tenantdesk attachment get 7 -o ~/Downloads/",
        })
final class AttachmentCommand extends GroupCommand {}
